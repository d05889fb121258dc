-- os.time with a table: defaults, normalisation (fields are updated), errors.
-- Local time depends on the machine's zone: only differences and
-- normalised fields are printed.
local function check(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end
local base = os.time({year = 2009, month = 2, day = 13, hour = 0})
print(math.type(base))
print(os.time({year = 2009, month = 2, day = 13, hour = 23, min = 31, sec = 30}) - base)
print(os.time({year = 2009, month = 2, day = 13}) - base) -- hour defaults to 12
print(os.time({year = 2009, month = 2, day = 14, hour = 0}) - base)
print(os.time({year = 2009, month = 2, day = 12, hour = 24}) - base)
print(os.time({year = 2009, month = 2, day = 13, hour = 0, min = 0, sec = -1}) - base)
local tt = {year = 2021, month = 14, day = 35, hour = 25, min = 61, sec = -1}
os.time(tt)
print(tt.year, tt.month, tt.day, tt.hour, tt.min, tt.sec, tt.wday, tt.yday, type(tt.isdst))
tt = {year = 2000, month = 3, day = 0}
os.time(tt)
print(tt.year, tt.month, tt.day, tt.yday, tt.wday)
tt = {year = 2001, month = 0, day = 1, hour = 6}
os.time(tt)
print(tt.year, tt.month, tt.day, tt.hour)
tt = {year = "2001", month = 2.0, day = "3", hour = 6, isdst = false}
print(math.type(os.time(tt)), tt.year, tt.month, tt.day, tt.isdst)
print(os.time({year = -2^30 + 1, month = 1, day = 1}) < 0, os.time({year = 2^30 - 1, month = 1, day = 1}) > 0)
-- fields are read and written with metamethods
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get:" .. k return ({year = 2020, month = 1, day = 15})[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set:" .. k end,
})
print(math.type(os.time(proxy)))
print(table.concat(log, " "))
-- round trip through os.date
local now = os.time()
print(math.type(now), os.time(os.date("*t", now)) == now)
print(os.difftime(10, 4), math.type(os.difftime(10, 4)), os.difftime(0, 1), os.difftime("5", 2))
check(function() os.time({year = 2000, month = 1}) end)
check(function() os.time({year = 2000, day = 1}) end)
check(function() os.time({month = 1, day = 1}) end)
check(function() os.time({year = 2000, month = 1, day = 1.5}) end)
check(function() os.time({year = 2000, month = "x", day = 1}) end)
check(function() os.time({year = 2000, month = 1, day = {}}) end)
check(function() os.time({year = 2^31, month = 1, day = 1}) end)
check(function() os.time({year = 2000, month = 1, day = 1, hour = 2^30}) end)
check(function() os.time({year = 2000, month = 1, day = 1, min = -2^30}) end)
check(function() os.time({year = 2000, month = 1, day = 1, sec = 1e100}) end)
check(function() os.time(5) end)
check(function() os.time("x") end)
check(function() os.difftime(5) end)
check(function() os.difftime() end)
check(function() os.difftime(1.5, 1) end)
print(math.type(os.clock()), os.clock() >= 0)
local c0 = os.clock()
local x = 0
for i = 1, 200000 do x = x + i end
print(os.clock() >= c0)
print "OK"
