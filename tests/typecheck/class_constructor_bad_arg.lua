-- expect: error 7: argument #2 of 'Point.new': expected number, got string
local Point = {}
Point.__index = Point
function Point.new(x: number, y: number)
  return setmetatable({x = x, y = y}, Point)
end
print(Point.new(1, "2"))
