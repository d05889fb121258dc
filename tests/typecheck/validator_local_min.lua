-- expect: error 2: local 'n': -1 is less than @min(0)
local n: number @min(0) = -1
print(n)
