-- expect: error 5: cannot index a value of type Node?: it may be nil
type Node = {left: Node?, right: Node?, v: integer}
local function f(n: Node): integer
  if n.left then
    return n.right.v
  end
  return n.v
end
print(f({v = 1}))
