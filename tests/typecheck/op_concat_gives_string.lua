-- expect: error 3: local 'b': expected integer, got string
local a: integer = 1
local b: integer = a .. "x"
print(b)
