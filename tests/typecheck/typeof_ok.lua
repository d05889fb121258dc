-- expect: ok
local origin = {x = 0, y = 0}
local p: typeof(origin) = {x = 1, y = 2}
print(p.x)
