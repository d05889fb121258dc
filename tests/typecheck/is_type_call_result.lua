-- expect: error 8: local 'n': expected number, got Point
type Point = {x: number, y: number}
local function use(raw: unknown, more: any): number
  local p = Point(raw)
  local q: Point = p
  Point(more)
  local r: Point = more
  local n: number = Point(raw)
  return q.x + r.y + n
end
print(use({x = 1, y = 2}, {x = 3, y = 4}))
