-- expect: error 3: field 'y': expected integer, got string
local origin = {x = 0, y = 0}
local p: typeof(origin) = {x = 1, y = "2"}
print(p)
