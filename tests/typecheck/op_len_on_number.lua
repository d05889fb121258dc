-- expect: error 3: attempt to get length of a number value
local n: number = 3
print(#n)
