-- expect: error 3: field 'kind': "triangle" matches no member of Shape
type Shape = {kind: "circle", r: number} | {kind: "square", side: number}
local s: Shape = {kind = "triangle", r = 1}
print(s)
