-- Types exported by a module, used as `mod.Name` in types and as values.
local shapes = require("lib.shapes")

type Scene = {items: {shapes.Circle}, origin?: shapes.Point}
local ok, err = Scene:is({items = {{center = {x = 0, y = 0}, r = 1}, {center = {x = 1}, r = 2}}})
assert(ok == nil and err:message() == "items[2].center.y: expected number, got nil")
assert(Scene({items = {}, origin = {x = 1, y = 2}}))
local _, e2 = shapes.Circle:is({center = {x = 0, y = 0}, r = -1})
assert(e2:message() == "r: expected >= 0, got -1")
assert(shapes.Circle.center == shapes.Point)
assert(shapes.Circle:name() == "Circle")
assert(shapes.area(shapes.Circle({center = {x = 0, y = 0}, r = 1})) > 3)
