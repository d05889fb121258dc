-- args: --rules
-- expect: warning 15: unused parameter 'unused_arg'
-- A local read in a nested function, a table indexed to define a function,
-- an import used only in a type: all used.
local geo = require("mods.geo")
local count = 0
local function inc()
  count = count + 1
  return count
end
local M = {}
function M.go() return inc() end
local p: geo.Point = {x = 1, y = 2}
print(p)
local function make(unused_arg): integer
  return 1
end
print(make(nil))
