-- expect: ok
type Person = {name: string, age?: integer}
local p: Person = {name = "a"}
print(p.name)
