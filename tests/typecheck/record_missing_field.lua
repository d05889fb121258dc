-- expect: error 3: missing field 'age' (expected integer)
type Person = {name: string, age: integer}
local p: Person = {name = "a"}
print(p)
