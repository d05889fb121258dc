-- expect: error 3: type 'U' is defined through itself with no table or function type in between: no value can be checked against it, it is treated as 'any'
-- A type that only reaches itself through unions has no values to check.
type U = U | string
local u: U = "x"
print(u)
