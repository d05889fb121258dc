-- expect: ok
local a: integer = 3
local b: integer = -a
print(b)
