-- Generics after instantiation, recursive aliases, cyclic and deep data.
local function msg(T, v)
  local ok, err = T:is(v)
  assert(ok == nil, "expected failure")
  return err:message()
end

type Box<T> = {value: T}
type IntBox = Box<integer>
assert(IntBox:is({value = 1}))
assert(msg(IntBox, {value = "x"}) == "value: expected integer, got string")
assert(IntBox:name() == "IntBox")
type Pair<A, B> = {left: A, right: B}
type P = Pair<string, Box<boolean>>
assert(P:is({left = "a", right = {value = true}}))
assert(msg(P, {left = "a", right = {value = 1}}) == "right.value: expected boolean, got number")
-- an uninstantiated generic accepts anything for its parameters
assert(Box:is({value = {}}))

type List<T> = {head: T, tail: List<T>?}
type IntList = List<integer>
local l = {head = 1, tail = {head = 2, tail = {head = 3}}}
assert(IntList:is(l))
assert(msg(IntList, {head = 1, tail = {head = "2"}}) == "tail.head: expected integer, got string")

-- cyclic data terminates
local c = {head = 1}
c.tail = c
assert(IntList:is(c) == c)
local c2 = {head = 1, tail = {head = 2}}
c2.tail.tail = c2
assert(IntList(c2) == c2)

-- a recursive JSON-like type through a union
type Json = nil | boolean | number | string | {Json} | {[string]: Json}
assert(Json:is({a = {1, 2, {b = "c"}}, d = true}))
assert(msg(Json, {a = {1, print}}) == "a[2]: expected nil | boolean | number | string | {Json} | {[string]: Json}, got function")

type Tree = {value: number, children: {Tree}}
local t = {value = 1, children = {{value = 2, children = {}}, {value = 3, children = {{value = "x", children = {}}}}}}
assert(msg(Tree, t) == "children[2].children[1].value: expected number, got string")

-- deep data: a clear error, never a stack overflow
local deep = {head = 0}
local cur = deep
for i = 1, 150 do cur.tail = {head = i}; cur = cur.tail end
assert(IntList:is(deep))
for i = 151, 100000 do cur.tail = {head = i}; cur = cur.tail end
local m = msg(IntList, deep)
assert(m:find(": nested too deeply %(more than 200 levels%)$"), m)
local nested = {}
local n = nested
for _ = 1, 100000 do n[1] = {}; n = n[1] end
assert(msg(Json, nested):find("nested too deeply"))

-- a type that only refers to itself fails cleanly
type Loop = Loop
assert(msg(Loop, 1) == "type recursion too deep")
