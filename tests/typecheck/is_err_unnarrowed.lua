-- expect: error 5: cannot index a value of type error?: it may be nil
type Point = {x: number, y: number}
local function why(data: unknown): string
  local _, err = Point:is(data)
  return tostring(err.message)
end
print(why(1))
