-- expect: ok
type Person = {name: string, age: integer}
local p: Person = {name = "a", age = 3}
print(p.name, p.age)
