-- expect: error 3: local 'i': expected integer, got string
type Id = integer
local i: Id = "3"
print(i)
