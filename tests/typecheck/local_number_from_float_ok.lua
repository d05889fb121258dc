-- expect: ok
local x: number = 1.5
print(x)
