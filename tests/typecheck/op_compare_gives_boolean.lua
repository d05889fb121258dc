-- expect: error 3: local 'b': expected integer, got boolean
local a: integer = 1
local b: integer = a < 2
print(b)
