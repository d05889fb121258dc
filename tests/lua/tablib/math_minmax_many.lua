-- min/max keep the first of equal values and the exact argument value
local function s(v) return tostring(v) .. "/" .. math.type(v) end
print(s(math.max(1, 1.0, 1)), s(math.max(1.0, 1, 1.0)), s(math.min(2, 2.0)), s(math.min(2.0, 2)))
print(s(math.max(0.0, -0.0)), s(math.max(-0.0, 0.0)), s(math.min(0, -0.0, 0.0)))
print(s(math.max(math.maxinteger, math.maxinteger + 0.0)), s(math.max(math.maxinteger + 0.0, math.maxinteger)))
print(s(math.min(2^53, 2^53 + 1)), s(math.min(2^53 + 1, 2^53)))
print(s(math.max(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20.5)))
print(s(math.min(-1, -2, -3, -4, -5.5, -5)))
print(s(math.max(-math.huge)), s(math.min(math.huge)))
local nan = 0/0
print(s(math.max(nan, 2, 3)) == s(nan), s(math.max(2, nan, 3)), s(math.min(2, nan, 1)))
print "OK"
