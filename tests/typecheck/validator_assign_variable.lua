-- expect: error 3: variable 'n': -2 is less than @min(0)
local n: number @min(0) = 1
n = -2
n = 3
print(n)
