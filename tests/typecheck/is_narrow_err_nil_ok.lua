-- expect: ok
type Point = {x: number, y: number}
local function read(data: unknown): number
  local ok, err = Point:is(data)
  if err == nil then
    local a: Point = data
    local b: Point = ok
    return a.x + b.y
  end
  return 0
end
print(read({x = 1, y = 2}))
