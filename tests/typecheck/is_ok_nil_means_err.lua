-- expect: error 12: local 'e3': expected errors.Error, got errors.Error?
type Point = {x: number, y: number}
local v: Point?, e: errors.Error? = Point:is({x = 1})
if v == nil then
  print(e:message())
end
local w: Point?, e2: errors.Error? = Point:is({x = 1, y = 2})
if not w then
  local e1: errors.Error = e2
  print(e1:message())
end
local e3: errors.Error = e2
print(w, e3)
