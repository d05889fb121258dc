-- expect: ok
type A = {a: integer}
type B = {b: string}
local v: A & B = {a = 1, b = "x"}
print(v.a, v.b)
