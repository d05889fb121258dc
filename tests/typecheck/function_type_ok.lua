-- expect: ok
type Cmp = (integer, integer) -> boolean
local lt: Cmp = function(a, b) return a < b end
print(lt(1, 2))
