-- expect: error 5: field 'side' does not exist on {kind: "circle", r: number}
type Shape = {kind: "circle", r: number} | {kind: "square", side: number}
local function area(s: Shape): number
  if s.kind == "circle" then
    return s.side
  end
  return 0
end
print(area({kind = "circle", r = 1}))
