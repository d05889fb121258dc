-- expect: ok
local a: integer = 1
local b: boolean = a < 2
print(b)
