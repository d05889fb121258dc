-- expect: error 4: local 'n': expected number, got string
-- Each type-value method is also a typed function in `types`.
type Point = {x: number, y: number}
local n: number = types.kind(Point)
print(n, types.name(Point), types.json_schema(Point), types.field(Point, "x"))
