-- expect: error 5: argument #1 of 'greet': field 'age': expected integer, got string
local function greet(p: {name: string, age: integer}): string
  return p.name
end
print(greet({name = "Ann", age = "old"}))
