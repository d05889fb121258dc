-- expect: error 5: local 'p': expected Point, got Point?
type Point = {x: number, y: number}
local function get(data: unknown): Point
  local ok, err = Point:is(data)
  local p: Point = ok
  print(err)
  return p
end
print(get({x = 1, y = 2}))
