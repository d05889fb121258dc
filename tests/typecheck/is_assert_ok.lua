-- expect: ok
type Point = {x: number, y: number}
local function f(data: unknown): number
  assert(Point:is(data))
  local p: Point = data
  return p.x
end
print(f({x = 1, y = 2}))
