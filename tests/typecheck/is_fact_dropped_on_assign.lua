-- expect: error 7: local 'p': expected Point, got unknown (narrow unknown values before use)
type Point = {x: number, y: number}
local function f(data: unknown)
  local ok, err = Point:is(data)
  data = 5
  if err == nil then
    local p: Point = data
    print(p, ok)
  end
end
f(nil)
