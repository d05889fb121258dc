-- expect: error 7: local 'p': expected Point, got unknown (narrow unknown values before use)
type Point = {x: number, y: number}
local function f(data: unknown)
  do
    local Point = {is = function(_, _) return true end}
    if Point:is(data) then
      local p: Point = data
      print(p)
    end
  end
end
f(nil)
