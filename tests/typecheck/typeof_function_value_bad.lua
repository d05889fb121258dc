-- expect: error 4: local 's': expected string, got types.Type
-- typeof(e) in an expression is a function returning a type value.
local n = 5
local s: string = typeof(n)
print(s, typeof(n):kind())
