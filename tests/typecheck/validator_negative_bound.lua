-- expect: error 2: local 't': -60 is less than @min(-50)
local t: number @min(-50) = -60
local u: number @min(-50) = -(-60)
print(t, u)
