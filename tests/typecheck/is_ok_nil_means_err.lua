-- expect: error 11: cannot index a value of type error?: it may be nil
type Point = {x: number, y: number}
local v, e = Point:is({x = 1})
if v == nil then
  print(e:message())
end
local w, e2 = Point:is({x = 1, y = 2})
if not w then
  print(e2:message())
end
print(w, e2:message())
