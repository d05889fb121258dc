-- expect: ok
type Point = {x: number, y: number}
local function read(data: unknown): number
  local ok: Point?, err: errors.Error? = Point:is(data)
  if err == nil then
    local a: Point = data
    local b: Point = ok
    return a.x + b.y
  end
  return #err:message()
end
print(read({x = 1, y = 2}))
