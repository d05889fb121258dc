-- expect: error 3: unknown type 'S'
-- The signatures' own helper aliases are not names user code can use.
local x: S = true
print(x)
