-- expect: error 6: local 'e': expected errors.Error, got errors.Error?
type Point = {x: number, y: number}
local function why(data: unknown): string
  local ok: Point?, err: errors.Error? = Point:is(data)
  print(ok)
  local e: errors.Error = err
  return e:message()
end
print(why(1))
