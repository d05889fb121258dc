-- expect: error 4: field 'age': expected integer, got string
-- expect: error 4: field 'name': expected string, got integer
type P = {name: string, age: integer}
local p: P = {name = 1, age = "x"}
print(p)
