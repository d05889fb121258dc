-- Records, arrays, maps and nested paths.
local function msg(T, v)
  local ok, err = T:is(v)
  assert(ok == nil, "expected failure")
  return err:message()
end

type Item = {name: string, quantity: integer}
type Order = {id: integer, items: {Item}, note?: string, tags: {[string]: boolean}}

local good = {id = 1, items = {{name = "a", quantity = 2}}, tags = {rush = true}}
assert(Order(good) == good)
assert(Order:is(good) == good)

-- the path of the first failing part
assert(msg(Order, {id = 1, items = {{name = "a", quantity = 1}, {name = "b", quantity = "x"}}, tags = {}})
  == "items[2].quantity: expected integer, got string")
assert(msg(Order, {items = {}, tags = {}}) == "id: expected integer, got nil")
assert(msg(Order, {id = 1, items = {}, tags = {}, note = 5}) == "note: expected string, got number")
assert(msg(Order, {id = 1, items = {}, tags = {x = 1}}) == "tags.x: expected boolean, got number")
assert(msg(Order, {id = 1, items = {}, tags = {["a b"] = 1}}) == 'tags["a b"]: expected boolean, got number')
assert(msg(Order, {id = 1, items = {}, tags = {[1] = true}}) == "tags: key 1: expected string, got number")
assert(msg(Order, "o") == "expected record, got string")
assert(msg(Order, {id = 1, items = "no", tags = {}}) == "items: expected array, got string")
assert(msg(Order, {id = 1, items = {n = 1}, tags = {}}) == 'items: expected array, got table with key "n"')
assert(msg(Order, {id = 1, items = {}, tags = 3}) == "tags: expected map, got number")

-- unknown keys are allowed; optional fields may be absent
assert(Order:is({id = 2, items = {}, tags = {}, extra = "ok"}))

-- the raised error carries the same message and kind
local ok, err = pcall(Order, {id = "1", items = {}, tags = {}})
assert(not ok and errors.is(err, errors.INVALID))
assert(err:message() == "id: expected integer, got string")
assert(tostring(err) == "id: expected integer, got string [INVALID]")

-- anonymous nested shapes and arrays of arrays
type Grid = {cells: {{number}}}
assert(msg(Grid, {cells = {{1, 2}, {3, "x"}}}) == "cells[2][2]: expected number, got string")
assert(Grid:is({cells = {}}))

-- maps with integer keys
type Sparse = {[integer]: string}
assert(Sparse:is({[10] = "a", [20] = "b"}))
assert(msg(Sparse, {[10] = 1}) == "[10]: expected string, got number")

-- validators
type Reading = {sensor: string @min_len(1), value: number @min(-50) @max(150), unit?: "C" | "F"}
assert(Reading:is({sensor = "t1", value = 21.5}))
assert(msg(Reading, {sensor = "", value = 21.5}) == "sensor: expected length >= 1, got length 0")
assert(msg(Reading, {sensor = "t", value = 151}) == "value: expected <= 150, got 151")
assert(msg(Reading, {sensor = "t", value = -50.5}) == "value: expected >= -50, got -50.5")
assert(msg(Reading, {sensor = "t1", value = 20, unit = "K"}) == 'unit: expected "C" | "F", got "K"')
type Short = {string} @max_len(2)
assert(msg(Short, {"a", "b", "c"}) == "expected length <= 2, got length 3")

-- a type referring to another type declared earlier in an enclosing scope
type Inner = {v: integer}
local function wrap()
  type Wrap = {inner: Inner}
  return Wrap
end
assert(msg(wrap(), {inner = {v = 1.5}}) == "inner.v: expected integer, got float")
