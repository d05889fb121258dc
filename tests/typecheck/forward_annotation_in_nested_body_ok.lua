-- expect: ok
-- An annotation deep in a function body may name a type declared later
-- in the enclosing block, wherever the statement stands in the body.
local function f(p: Later)
  local a = 1
  local b = 2
  local c = 3
  local q: Later = p
  print(a, b, c)
  return q
end
type Later = {x: number}
print(f({x = 1}))
