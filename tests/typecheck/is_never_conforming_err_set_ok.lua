-- expect: ok
-- A value that can never be a Point: the second result is always an error.
type Point = {x: number, y: number}
local ok: nil, err: errors.Error = Point:is(5)
print(ok, err:message())
