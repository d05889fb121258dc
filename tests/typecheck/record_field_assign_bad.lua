-- expect: error 4: field 'age': expected integer, got string
type Person = {name: string, age: integer}
local p: Person = {name = "a", age = 1}
p.age = "x"
print(p)
