-- expect: error 4: return value: expected integer, got integer?
type Person = {name: string, age?: integer}
local function f(p: Person): integer
  return p.age
end
print(f({name = "a"}))
