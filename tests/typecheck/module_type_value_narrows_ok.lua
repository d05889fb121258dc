-- expect: ok
-- A type value a module returns in its table narrows through the module.
local shapes = require("mods.shapes")
local function area(v: unknown): number
  if shapes.Circle:is(v) then
    local c: shapes.Circle = v
    return c.r * c.r * 3
  end
  if shapes.Square:is(v) then
    local s: {side: number} = v
    return s.side * s.side
  end
  return 0
end
print(area({r = 1}))
