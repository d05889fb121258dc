-- expect: error 4: local 'n': expected number, got string
-- A declared type is a types.Type value: its reflection methods are typed.
type Point = {x: number, y: number}
local n: number = Point:name()
print(n, Point:kind(), types.validate(Point, {x = 1, y = 2}))
