-- math.tointeger
local function t(x) local r = math.tointeger(x) print(tostring(x), r, math.type(r)) end
t(3) t(3.0) t(3.5) t(-0.0) t(0.0) t(2^53) t(2^62) t(2^63) t(-2^63) t(-2^63 - 2048)
t(math.huge) t(-math.huge) t(1e100) t(math.maxinteger) t(math.mininteger)
t(math.maxinteger + 0.0) t(math.mininteger + 0.0)
local n = math.tointeger(0/0)
print(n)
print(math.tointeger("8"), math.tointeger("8.0"), math.tointeger("x"))
print(math.tointeger({}), math.tointeger(true), math.tointeger(nil))
print(pcall(math.tointeger))
print "OK"
