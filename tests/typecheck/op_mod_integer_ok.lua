-- expect: ok
local a: integer = 7
local b: integer = a % 3
print(b)
