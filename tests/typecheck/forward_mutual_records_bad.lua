-- expect: error 5: field 'b.a.name': expected string, got integer
-- The later type is checked through the earlier one.
type A = {name: string, b: B?}
type B = {count: integer, a: A?}
local a: A = {name = "x", b = {count = 1, a = {name = 5}}}
print(a)
