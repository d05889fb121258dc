-- expect: error 3: local 'b': expected integer, got number
local a: integer = 2
local b: integer = a ^ 2
print(b)
