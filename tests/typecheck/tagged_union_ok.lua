-- expect: ok
type Shape = {kind: "circle", r: number} | {kind: "square", side: number}
local function area(s: Shape): number
  if s.kind == "circle" then
    return 3.14 * s.r * s.r
  else
    return s.side
  end
end
print(area({kind = "circle", r = 1}))
