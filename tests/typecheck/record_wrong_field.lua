-- expect: error 3: field 'age': expected integer, got string
type Person = {name: string, age: integer}
local p: Person = {name = "a", age = "old"}
print(p)
