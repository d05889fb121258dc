-- expect: ok
type Point = {x: number, y: number}
local P = Point
local function f(data: unknown): number
  if P:is(data) then
    local p: Point = data
    return p.y
  end
  return 0
end
print(f({x = 1, y = 2}))
