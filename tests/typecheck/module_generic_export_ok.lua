-- expect: ok
-- A generic alias exported by a module is instantiated where it is used.
local boxes = require("mods.boxes")
local b: boxes.Box<string> = {value = "s"}
local p: boxes.Pair<integer, boolean> = {first = 1, second = true}
local n: integer = boxes.new(3).value
return b, p, n
