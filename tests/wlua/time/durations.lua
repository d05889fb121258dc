-- Duration constants and parse_duration.
local time = require("time")
assert(time.NANOSECOND == 1 and time.MICROSECOND == 1000 and time.MILLISECOND == 1000000)
assert(time.SECOND == 1000000000 and time.MINUTE == 60 * time.SECOND and time.HOUR == 60 * time.MINUTE)
for _, k in ipairs({"NANOSECOND", "MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR"}) do
  assert(math.type(time[k]) == "integer", k .. " is an integer")
end
local cases = {
  {"150ms", 150 * time.MILLISECOND}, {"2m30s", 150 * time.SECOND},
  {"1h30m", 90 * time.MINUTE}, {"1.5s", 1500 * time.MILLISECOND},
  {"10us", 10000}, {"7ns", 7}, {"0", 0}, {"-2s", -2 * time.SECOND},
}
for _, c in ipairs(cases) do
  local d = time.parse_duration(c[1])
  assert(d:nanoseconds() == c[2], c[1] .. " -> " .. tostring(d))
  assert(type(d) == "userdata", "a Duration object")
end
assert(time.parse_duration(12345):nanoseconds() == 12345, "numbers are nanoseconds")
for _, bad in ipairs({"", "5", "5x", "ms", "1..2s", "abc"}) do
  local d, err = time.parse_duration(bad)
  assert(d == nil and err ~= nil and err:kind() == errors.INVALID, "bad duration " .. bad)
end
local d, err = time.parse_duration({})
assert(d == nil and err:kind() == errors.INVALID)

-- invalid durations: sleep/after raise, timer/ticker return nil, err
assert(not pcall(time.sleep, "bogus"), "sleep raises on a bad duration")
assert(not pcall(time.after, "bogus"), "after raises on a bad duration")
local t, e = time.timer("bogus")
assert(t == nil and e:kind() == errors.INVALID)
t, e = time.ticker("bogus")
assert(t == nil and e:kind() == errors.INVALID)
