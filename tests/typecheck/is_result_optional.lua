-- expect: error 5: local 'p': expected Point, got Point?
-- T:is's results are a native method's: strict where they meet an annotation.
type Point = {x: number, y: number}
local function get(data: unknown): Point
  local p: Point = Point:is(data)
  return p
end
print(get({x = 1, y = 2}))
