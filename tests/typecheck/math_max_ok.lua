-- expect: ok
local m: number = math.max(1, 2.5, 3)
print(m)
