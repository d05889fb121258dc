-- expect: error 6: local 'h': expected {hidden: boolean}, got unknown (narrow unknown values before use)
-- An exported type the module does not put in its table is no value there.
local shapes = require("mods.shapes")
local function f(v: unknown)
  if shapes.Hidden:is(v) then
    local h: {hidden: boolean} = v
    print(h)
  end
end
f(nil)
