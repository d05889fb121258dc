-- expect: error 3: local 'k': expected integer, got string
-- The capitalised primitives are type values: their methods are typed.
local k: integer = Number:kind()
print(k, Integer <= Number)
