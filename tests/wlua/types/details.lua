-- err:details() of a failed validation lists every violation, in the
-- order of the data: {path =, message =, expected =, got =}. The message
-- is the first one.
local function lines(err)
  local out = {}
  for i, e in ipairs(err:details()) do
    out[i] = e.path .. " | " .. e.message .. " | " .. tostring(e.expected) .. " | " .. tostring(e.got)
  end
  return table.concat(out, "\n")
end

type Item = {name: string, quantity: integer @min(1)}
type Order = {id: integer, items: {Item}, note?: string, tags: {[string]: boolean}}
local data = {
  id = "x",
  items = {{name = "a", quantity = 0}, {name = 5, quantity = 2.5}, {name = "ok", quantity = 3}},
  tags = {ok = true, [1] = true, bad = "y"},
}
local v, err = Order:is(data)
assert(v == nil and errors.is(err, errors.INVALID))
assert(err:message() == "id: expected integer, got string")
assert(lines(err) == [[
id | expected integer, got string | integer | string
items[1].quantity | expected >= 1, got 0 | >= 1 | 0
items[2].name | expected string, got number | string | number
items[2].quantity | expected integer, got float | integer | float
tags | key 1: expected string, got number | string | number
tags.bad | expected boolean, got string | boolean | string]], lines(err))
-- T(v) raises the same error
local ok, perr = pcall(Order, data)
assert(not ok and perr:message() == err:message() and lines(perr) == lines(err))

-- a failure of the value itself has an empty path
local _, e1 = Integer:is("x")
assert(lines(e1) == " | expected integer, got string | integer | string", lines(e1))
-- a union is one violation (the member that got furthest)
type Shape = {kind: "circle", r: number} | {kind: "rect", w: number, h: number}
local _, e2 = Shape:is({kind = "rect", w = "1", h = "2"})
assert(lines(e2) == "w | expected number, got string | number | string", lines(e2))
local _, e3 = Shape:is(5)
assert(#e3:details() == 1 and e3:details()[1].expected == '{kind: "circle", r: number} | {kind: "rect", w: number, h: number}')
-- an array with other keys is one violation
type Tags = {tags: {string}}
local _, e4 = Tags:is({tags = {"a", n = 1}})
assert(lines(e4) == 'tags | expected array, got table with key "n" | array | table with key "n"')
-- limits have no expected/got
local deep = {}
local cur = deep
for _ = 1, 300 do cur.next = {}; cur = cur.next end
type Chain = {next: Chain?, v: integer?}
local _, e5 = Chain:is(deep)
assert(#e5:details() == 1 and e5:details()[1].expected == nil and e5:details()[1].got == nil)
assert(e5:details()[1].message == "nested too deeply (more than 200 levels)")

-- at most 100 violations; the first is still the message
local many = {}
for i = 1, 500 do many[i] = tostring(i) end
type Ints = {integer}
local _, e6 = Ints:is(many)
assert(#e6:details() == 100 and e6:message() == "[1]: expected integer, got string")
assert(e6:details()[100].path == "[100]")

-- cyclic data with violations ends, each (table, type) pair checked once,
-- fields in declaration order
local a = {v = "a"}
local b = {v = "b", next = a}
a.next = b
local _, e7 = Chain:is(a)
assert(lines(e7) == [[
next.v | expected integer, got string | integer | string
v | expected integer, got string | integer | string]], lines(e7))

-- passing data has no error at all
assert(Order:is({id = 1, items = {}, tags = {}}))
