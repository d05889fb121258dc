-- expect: error 3: local 'lt': expected (integer, integer) -> boolean, got (integer, integer) -> string
type Cmp = (integer, integer) -> boolean
local lt: Cmp = function(a: integer, b: integer): string return "x" end
print(lt(1, 2))
