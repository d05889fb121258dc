-- os.time normalises out-of-range fields and updates the table
local function show(t)
  return string.format("%04d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d", t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday)
end
local cases = {
  {year = 2000, month = 13, day = 1, hour = 12},
  {year = 2000, month = 0, day = 1, hour = 12},
  {year = 2000, month = 3, day = 0, hour = 12},
  {year = 2001, month = 2, day = 29, hour = 12},
  {year = 2000, month = 1, day = 1, hour = 12, min = 90},
  {year = 2000, month = 1, day = 1, hour = 12, sec = -3600},
  {year = 2000, month = 1, day = 400, hour = 12},
  {year = 2000, month = -11, day = 1, hour = 12},
  {year = 1999, month = 12, day = 31, hour = 36},
}
for _, t in ipairs(cases) do
  local before = show({year = t.year, month = t.month, day = t.day, hour = t.hour, min = t.min or 0, sec = t.sec or 0, wday = 0, yday = 0})
  local r = os.time(t)
  print(math.type(r), show(t))
end
print "OK"
