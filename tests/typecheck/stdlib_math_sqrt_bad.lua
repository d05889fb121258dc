-- expect: error 2: local 'n': expected integer, got number
local n: integer = math.sqrt(4)
print(n)
