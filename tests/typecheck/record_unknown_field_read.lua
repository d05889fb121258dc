-- expect: error 4: field 'email' does not exist on Person
type Person = {name: string, age: integer}
local function f(p: Person)
  return p.email
end
print(f({name = "a", age = 1}))
