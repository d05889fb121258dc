-- expect: error 3: local 'b': expected integer, got number
local a: integer = 1
local b: integer = a + 0.5
print(b)
