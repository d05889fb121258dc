-- expect: error 4: argument #2 of 'c': expected integer, got string
type Cmp = (integer, integer) -> boolean
local function run(c: Cmp): boolean
  return c(1, "2")
end
print(run(function(a, b) return a < b end))
