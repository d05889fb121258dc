-- expect: ok
-- types.is(T, v) is T:is(v), for records whose fields hide the method.
type Point = {x: number, is: boolean}
local function x_of(v: unknown): number
  if types.is(Point, v) then
    local p: Point = v
    return p.x
  end
  return 0
end
print(x_of({x = 1, is = true}))
