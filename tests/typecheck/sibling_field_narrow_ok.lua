-- expect: ok
type Node = {left: Node?, right: Node?, v: integer}
local function f(n: Node): integer
  if n.left and n.right then
    return n.left.v + n.right.v
  end
  return n.v
end
print(f({v = 1}))
