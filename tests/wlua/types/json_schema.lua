-- T:json_schema() returns a JSON Schema (draft 2020-12) as a Lua table.
local json = require("json")

assert(json.encode(types.integer:json_schema()) ==
  '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"integer"}')

type Reading = {sensor: string @min_len(1), value: number @min(-50) @max(150), unit?: "C" | "F", tags: {string}, meta: {[string]: any}, n: integer?}
local s = Reading:json_schema()
assert(s["$ref"] == "#/$defs/Reading")
local r = s["$defs"].Reading
assert(r.type == "object")
assert(table.concat(r.required, ",") == "sensor,value,tags,meta")
assert(r.properties.sensor.type == "string" and r.properties.sensor.minLength == 1)
assert(r.properties.value.minimum == -50 and r.properties.value.maximum == 150)
assert(r.properties.unit.enum[1] == "C" and r.properties.unit.enum[2] == "F")
assert(r.properties.tags.type == "array" and r.properties.tags.items.type == "string")
assert(r.properties.meta.additionalProperties == true)
assert(r.properties.n.anyOf[2].type == "null")
assert(json.encode(r) == '{"properties":{"meta":{"additionalProperties":true,"type":"object"},"n":{"anyOf":[{"type":"integer"},{"type":"null"}]},"sensor":{"minLength":1,"type":"string"},"tags":{"items":{"type":"string"},"type":"array"},"unit":{"enum":["C","F"]},"value":{"maximum":150,"minimum":-50,"type":"number"}},"required":["sensor","value","tags","meta"],"type":"object"}')

-- recursive and generic types go through $defs
type List<T> = {head: T, tail: List<T>?}
type IntList = List<integer>
local ls = IntList:json_schema()
assert(json.encode(ls) == '{"$defs":{"IntList":{"$ref":"#/$defs/List<integer>"},"List<integer>":{"properties":{"head":{"type":"integer"},"tail":{"anyOf":[{"$ref":"#/$defs/List<integer>"},{"type":"null"}]}},"required":["head"],"type":"object"}},"$ref":"#/$defs/IntList","$schema":"https://json-schema.org/draft/2020-12/schema"}')

type Shape = {kind: "circle", r: number} | {kind: "rect", w: number}
local sh = Shape:json_schema()["$defs"].Shape
assert(#sh.anyOf == 2 and sh.anyOf[1].properties.kind.const == "circle")
type Both = {a: number} & {b: string}
assert(#Both:json_schema()["$defs"].Both.allOf == 2)
assert(types.never:json_schema()["not"] ~= nil)
