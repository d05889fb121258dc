-- expect: ok
type Point = {x: number, y: number}
local function norm(data: unknown): Point
  if not Point:is(data) then
    return {x = 0, y = 0}
  end
  return data
end
print(norm(nil).x)
