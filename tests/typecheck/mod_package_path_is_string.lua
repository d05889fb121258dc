-- expect: error 2: local 'n': expected integer, got string
local n: integer = package.path
print(n)
