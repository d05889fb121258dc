-- expect: ok
-- Mutually recursive types: each names the other, declared later.
type A = {name: string, b: B?}
type B = {count: integer, a: A?}
local a: A = {name = "x", b = {count = 1, a = {name = "y"}}}
local b: B = {count = 2}
print(a, b)
