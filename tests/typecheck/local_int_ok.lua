-- expect: ok
local n: integer = 3
local x: number = n
print(x)
