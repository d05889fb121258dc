-- require of a module beside the file: calls and exported types checked.
local geometry = require("geometry")
local p: geometry.Point = {x = 1, y = 2}
local q: geometry.Point = {x = 1}                  --! E0001 missing field 'y'
local d: number = geometry.dist(p, geometry.origin())
geometry.dist(p, "origin")                         --! E0002 argument #2 of 'geometry.dist'
local r: geometry.Pointe = p                       --! E0008 module 'geometry' exports no type 'Pointe'
local unknown = require("no_such_module")
print(d, unknown, q, r)
