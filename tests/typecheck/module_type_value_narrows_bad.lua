-- expect: error 6: local 'n': expected string, got number
local shapes = require("mods.shapes")
local function f(v: unknown)
  if shapes.Circle:is(v) then
    local r = v.r
    local n: string = r
    print(n)
  end
end
f(nil)
