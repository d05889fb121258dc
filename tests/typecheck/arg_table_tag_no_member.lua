-- expect: error 7: argument #1 of 'area': field 'kind': "square" matches no member of Shape
type Shape = {kind: "circle", r: number} | {kind: "rect", w: number, h: number}
local function area(s: Shape): number
  if s.kind == "circle" then return s.r * s.r end
  return s.w * s.h
end
print(area({kind = "square", w = 2}))
