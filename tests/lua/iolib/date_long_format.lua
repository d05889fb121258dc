-- long formats, repeated conversions and literal text
local t = 1234567890
local fmt = string.rep("%Y-", 100) .. "end"
local s = os.date("!" .. fmt, t)
print(#s, s:sub(1, 15), s:sub(-8))
print(os.date("!<%%>%H%%%M<%%%%>", t))
print(os.date("!" .. string.rep("x", 1000), t) == string.rep("x", 1000))
print(#os.date("!%c%c%c%c%c%c%c%c%c%c", t))
print(os.date("!%Y\n%m\t%d", t))
print "OK"
