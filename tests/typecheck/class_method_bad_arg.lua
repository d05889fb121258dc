-- expect: error 11: argument #1 of 'p:scale': expected number, got string
local Point = {}
Point.__index = Point
function Point.new(x: number, y: number)
  return setmetatable({x = x, y = y}, Point)
end
function Point:scale(k: number)
  return Point.new(self.x * k, self.y * k)
end
local p = Point.new(1, 2)
print(p:scale("big"))
