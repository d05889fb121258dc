-- expect: error 6: return value: expected string, got number
-- An annotation may name a type declared later in the block (annotations
-- are erased at run time); the function's body is checked against it.
local function label(p: Point): string
  if p.x > 0 then return "right" end
  return p.y
end
type Point = {x: number, y: number}
print(label({x = 1, y = 2}))
