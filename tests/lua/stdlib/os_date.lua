-- os.date: every conversion in UTC, "*t"/"!*t", and specifier errors
local function check(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end
local t0 = 1234567890
for _, c in ipairs({"a", "A", "b", "B", "c", "C", "d", "D", "e", "F", "g", "G", "h", "H", "I", "j", "m", "M", "n", "p", "r", "R", "S", "t", "T", "u", "U", "V", "w", "W", "x", "X", "y", "Y", "z", "Z", "%"}) do
  io.write(c, "=[", os.date("!%" .. c, t0), "] ")
end
print()
for _, c in ipairs({"Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"}) do
  io.write(c, "=[", os.date("!%" .. c, t0), "] ")
end
print()
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%c", 0))
print(os.date("!plain text"), os.date("!"), os.date(""), os.date("!%%%Y%%", 0))
print(os.date("!%Y", -1), os.date("!%Y", 253402300799), os.date("!%j", 86400 * 59))
print(os.date("!a\0b %Y", 0) == "a\0b 1970")
local t = os.date("!*t", t0)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", tostring(t[k]), " ") end
print()
t = os.date("!*t", 0)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
t = os.date("*t", 86400)
print(type(t.isdst), t.year, math.type(t.month))
print(os.date("!*tx", 0), os.date("*t", 0) ~= nil)
-- local time: only shapes (the machine's zone decides the values)
print(#os.date("%Y-%m-%d %H:%M:%S", t0), type(os.date("%c", t0)))
-- the current time: only shapes
print(#os.date() > 0, os.date("%Y") == os.date("*t").year .. "")
check(function() os.date("%Ez") end)
check(function() os.date("%Ez abc") end)
check(function() os.date("%") end)
check(function() os.date("abc %") end)
check(function() os.date("%E") end)
check(function() os.date("%O") end)
check(function() os.date("%q") end)
check(function() os.date("!%5") end)
check(function() os.date("%Y", 1.5) end)
check(function() os.date("%Y", "x") end)
check(function() os.date({}) end)
check(function() os.date("*t", 2^60) end)
check(function() os.date("!%Y", math.maxinteger) end)
print(os.date("!%Y", "86400"))
print "OK"
