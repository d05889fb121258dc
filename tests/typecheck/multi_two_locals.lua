-- expect: error 3: local 'a': expected integer, got string
-- expect: error 4: local 'b': expected string, got integer
local a: integer = "x"
local b: string = 1
print(a, b)
