-- expect: error 2: local 'n': expected integer, got number
local n: integer = 1.5
print(n)
