-- expect: error 4: missing field 'b' (expected string)
type A = {a: integer}
type B = {b: string}
local v: A & B = {a = 1}
print(v)
