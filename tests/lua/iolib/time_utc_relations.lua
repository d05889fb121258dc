-- os.time on UTC tables: differences between instants are zone independent
local function utc(t) return os.time(os.date("!*t", t)) end
local base = utc(1000000000)
for _, dt in ipairs({1, 60, 3600, 86400, 86400 * 31, 86400 * 366}) do
  print(dt, utc(1000000000 + dt) - base == dt)
end
-- day arithmetic through normalisation
local t = os.date("!*t", 1000000000)
t.day = t.day + 100
local later = os.time(t)
print(later - base)
t = os.date("!*t", 1000000000)
t.sec = t.sec - 86400 * 7
print(os.time(t) - base)
print "OK"
