-- expect: ok
type Id = integer
local i: Id = 3
print(i)
