-- time.after: a channel that receives one value (the firing time as a
-- Time object) after the duration, then nothing.
local time = require("time")

local ch = time.after("5ms")
assert(type(ch) == "userdata")
local v, ok = ch:receive()
local function is_time(x) return type(x) == "userdata" and type(x.unix_nano) == "function" end
assert(ok == true and is_time(v), "a Time")
assert(v:unix_nano() > 1500000000 * time.SECOND, "nanoseconds since the epoch: " .. tostring(v))
-- nothing more: fires once
local r = channel.select{ch:case_receive(), time.after("30ms"):case_receive()}
assert(r.channel ~= ch, "after fires only once")

-- zero and negative durations fire (almost) at once
assert(is_time(time.after(0):receive()))
assert(is_time(time.after(-1):receive()))
assert(is_time(time.after(time.MILLISECOND):receive()))

-- the shorter of two afters wins a select; later firing times are larger
local long, short = time.after("1s"), time.after("5ms")
r = channel.select{long:case_receive(), short:case_receive()}
assert(r.channel == short)
local t1 = r.value
local t2 = time.after("2ms"):receive()
assert(t2 >= t1 and not t2:before(t1), "times increase")

-- the value can wait in the channel: receiving later still gets it
local early = time.after("1ms")
time.sleep("10ms")
r = channel.select{early:case_receive(), default = true}
assert(r.channel == early and is_time(r.value), "buffered firing")

-- an after channel belongs to the runtime: close raises
assert(not pcall(early.close, early), "closing a timer channel raises")

-- many concurrent afters in coroutines
local done = channel.new(50)
for i = 1, 50 do
  coroutine.spawn(function() time.after(i * 100000):receive(); done:send(i) end)
end
local n = 0
for i = 1, 50 do n = n + done:receive() end
assert(n == 50 * 51 / 2)
