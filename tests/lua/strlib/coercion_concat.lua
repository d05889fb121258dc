-- number to string coercions in concatenation and string functions
print(1 .. 2, 1 .. "", 1.5 .. "", -0.0 .. "", 1e100 .. "", 2^63 .. "", math.mininteger .. "")
print(10 // 1 .. "", 10 / 1 .. "", 3 % 2 .. "", 0.1 .. "", 1/3 .. "", 100000000000000 .. "")
print(1e15 .. "", 1e16 .. "", 123456789012345678 .. "", -1e-300 .. "")
print(math.huge .. "", -math.huge .. "")
print(("x"):rep(3) .. 4 .. 5.0)
print(string.upper(1.0), string.len(100), string.sub(3.14159, 1, 4), string.byte(7))
print(table.concat({1, 2.5, "x", 3.0}, ","))
print(pcall(function() return "a" .. true end))
print(pcall(function() return "a" .. nil end))
print(pcall(function() return 1 .. {} end))
local mt = {__concat = function(a, b) return "C(" .. tostring(type(a)) .. "," .. tostring(type(b)) .. ")" end}
local obj = setmetatable({}, mt)
print("s" .. obj, obj .. 1, 1 .. obj)
print "OK"
