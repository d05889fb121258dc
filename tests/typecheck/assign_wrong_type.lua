-- expect: error 3: cannot assign to a variable of type integer: expected integer, got string
local n: integer = 1
n = "two"
print(n)
