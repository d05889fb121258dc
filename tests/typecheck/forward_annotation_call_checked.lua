-- expect: error 6: argument #1 of 'area': missing field 'h' (expected number)
local function area(r: Rect): number
  return r.w * r.h
end
type Rect = {w: number, h: number}
print(area({w = 2}))
