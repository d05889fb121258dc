-- expect: ok
local n: number = 1
n = 2.5
print(n)
