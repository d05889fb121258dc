-- integer/float interplay through math functions
local function s(x) return tostring(x) .. ":" .. tostring(math.type(x)) end
print(s(math.floor(3.0 * 2)), s(math.ceil(7 / 2)), s(math.floor(-7 // 2)), s(math.floor(-7 / 2)))
print(s(math.abs(-2^63)), s(math.abs(math.mininteger + 1)), s(math.fmod(-6, 4)), s(math.fmod(-6.0, 4)))
print(s(math.max(1, 2, 3.0)), s(math.max(3.0, 1, 3)), s(math.min(-1, -1.0)), s(math.min(-1.0, -1)))
print(s(math.tointeger(2^31)), s(math.tointeger(7 / 1)), s(math.tointeger(7 // 1)))
print(s(3 // 0.0), s(-3 // 0.0), s(3 % math.huge), s(-3 % math.huge), s(3 % -math.huge))
print(pcall(function() return 3 // 0 end))
print(pcall(function() return 3 % 0 end))
print(s(5.0 % 3), s(-5 % 3), s(5 % -3), s(-5.5 % 2), s(5.5 % -2))
print(s(2^63 // 1), s(math.maxinteger // 1.0), s(math.mininteger // 1))
print(string.format("%g %g %g", 0.0 % -1, -0.0 % 1, 0 * -1.0))
print(s(1e15 + 1), s(2^53 + 1), s(math.tointeger(2^53) + 1))
print "OK"
