-- expect: ok
type Point = {x: number, y: number}
local function use(raw: unknown): Point
  Point(raw)
  return raw
end
print(use({x = 1, y = 2}).x)
