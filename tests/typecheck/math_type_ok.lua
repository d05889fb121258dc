-- expect: ok
local x: number = 1
print(math.type(x))
