-- expect: ok
type Point = {x: number, y: number}
local function sum(data: unknown): number
  if Point:is(data) then
    local p: Point = data
    return p.x + p.y
  end
  return 0
end
print(sum({x = 1, y = 2}))
