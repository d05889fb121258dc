-- expect: ok
local a: integer = 6
local b: integer = (a & 3) | (a << 1) ~ (a >> 1)
print(b)
