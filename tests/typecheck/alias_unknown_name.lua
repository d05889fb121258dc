-- expect: error 2: unknown type 'Persn'
local p: Persn = {}
print(p)
