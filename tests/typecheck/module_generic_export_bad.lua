-- expect: error 5: field 'value': expected integer, got string
-- expect: error 6: field 'second': expected boolean, got integer
-- expect: error 7: type 'boxes.Box' takes 1 type argument(s), got 2
local boxes = require("mods.boxes")
local b: boxes.Box<integer> = {value = "s"}
local p: boxes.Pair<integer, boolean> = {first = 1, second = 2}
local q: boxes.Box<integer, string> = {value = 1}
return b, p, q
