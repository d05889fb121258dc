-- Mutually recursive types, and types named before their declaration in the
-- same block: validation, reflection and JSON Schema, ending on cyclic and
-- deep data.
local json = require("json")
local function msg(T, v)
  local ok, err = T:is(v)
  assert(ok == nil, "expected failure")
  return err:message()
end
local function checkerror(text, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  assert(tostring(err):find(text, 1, true), "got: " .. tostring(err))
end

type A = {name: string, b: B?}
type B = {count: integer, a: A?}
assert(A:is({name = "x", b = {count = 1, a = {name = "y"}}}))
assert(B:is({count = 1}))
assert(msg(A, {name = "x", b = {count = 1, a = {name = 5}}}) == "b.a.name: expected string, got number")
assert(msg(B, {count = 1, a = {name = "y", b = {count = 1.5}}}) == "a.b.count: expected integer, got float")
assert(msg(A, {name = "x", b = 3}) == "b: expected record, got number")

-- cyclic data through both types
local x = {name = "x"}
local y = {count = 1, a = x}
x.b = y
assert(A(x) == x and B(y) == y)
local bad = {name = "x"}
bad.b = {count = "no", a = bad}
assert(msg(A, bad) == "b.count: expected integer, got string")

-- a long chain alternating A and B, closed into a cycle at the end
local function chain(n)
  local head = {name = "0"}
  local cur = head
  for i = 1, n do
    if i % 2 == 1 then
      cur.b = {count = i}
      cur = cur.b
    else
      cur.a = {name = tostring(i)}
      cur = cur.a
    end
  end
  return head, cur
end
local head, tail = chain(150)
tail.a = head
assert(A(head) == head)
head, tail = chain(5000)
tail.a = head
local m = msg(A, head)
assert(m:find("^b%.a%.b%.a%.b") and m:find(": nested too deeply %(more than 200 levels%)$"), m)

-- reflection goes back and forth
assert(A:kind() == "record" and B:kind() == "record")
assert(rawequal(A.b:inner(), B) and rawequal(B.a:inner(), A))
assert(rawequal(A.b:inner().a:inner(), A))
assert(tostring(A.b) == "B?" and tostring(B) == "B")
local names = {}
for n, ft in B:fields() do names[#names + 1] = n .. ":" .. tostring(ft) end
assert(table.concat(names, ",") == "count:integer,a:A?")
assert(A <= A and not (A <= B) and A ~= B)

-- JSON Schema: each type once in $defs, referenced both ways
assert(json.encode(A:json_schema()) == '{"$defs":{"A":{"properties":{"b":{"anyOf":[{"$ref":"#/$defs/B"},{"type":"null"}]},"name":{"type":"string"}},"required":["name"],"type":"object"},"B":{"properties":{"a":{"anyOf":[{"$ref":"#/$defs/A"},{"type":"null"}]},"count":{"type":"integer"}},"required":["count"],"type":"object"}},"$ref":"#/$defs/A","$schema":"https://json-schema.org/draft/2020-12/schema"}')

-- three types in a cycle, and a union through records
type X = {y: Y?}
type Y = {z: Z?}
type Z = {x: X?, tag: "z"}
assert(X:is({y = {z = {tag = "z", x = {y = {}}}}}))
assert(msg(X, {y = {z = {tag = "z", x = {y = {z = {tag = "q"}}}}}}) == 'y.z.x.y.z.tag: expected "z", got "q"')
type Expr = Num | Add
type Num = {n: number}
type Add = {l: Expr, r: Expr}
assert(Expr:is({l = {n = 1}, r = {l = {n = 2}, r = {n = 3}}}))
assert(msg(Expr, {l = {n = 1}, r = {l = {n = "2"}, r = {n = 3}}}) == "r.l.n: expected number, got string")
local vs = {}
for v in Expr:variants() do vs[#vs + 1] = tostring(v) end
assert(table.concat(vs, ",") == "Num,Add")
assert(json.encode(Expr:json_schema()["$defs"].Add) == '{"properties":{"l":{"$ref":"#/$defs/Expr"},"r":{"$ref":"#/$defs/Expr"}},"required":["l","r"],"type":"object"}')

-- a type used before its declaration, and a generic one
type Order = {items: {Item}}
type Item = {sku: string}
assert(msg(Order, {items = {{sku = "a"}, {sku = 2}}}) == "items[2].sku: expected string, got number")
type Wrapped = {box: Box<integer>}
type Box<T> = {value: T}
assert(Wrapped:is({box = {value = 1}}))
assert(msg(Wrapped, {box = {value = "s"}}) == "box.value: expected integer, got string")
assert(tostring(Wrapped.box) == "Box<integer>")

-- aliases that only name each other end with an error
type E1 = E2
type E2 = E1
assert(msg(E1, 1) == "type recursion too deep")
assert(type(E1:kind()) == "string" and E1:json_schema())

-- a type named ahead cannot be used before its statement has run
do
  type P = {q: Q}
  assert(msg(P, {q = {}}) == "q: type Q is used before its declaration has run")
  checkerror("type Q is used before its declaration has run", function() return Q:kind() end)
  checkerror("type Q is used before its declaration has run", Q, {})
  checkerror("type Q is used before its declaration has run", function() return Q:is({}) end)
  assert(tostring(Q) == "Q")
  type Q = {v: integer}
  assert(P:is({q = {v = 1}}))
  assert(msg(P, {q = {v = "1"}}) == "q.v: expected integer, got string")
end

-- only the same block: a declaration in an enclosing block is not ahead
checkerror("type Inner: reference #1 is not a type (got nil)",
  assert(load("do type Inner = {o: Outer} end type Outer = {}")))
-- a name declared earlier in the block is the earlier declaration
type Dup = {v: integer}
type UsesDup = {d: Dup}
type Dup = {v: string}
assert(UsesDup:is({d = {v = 1}}) and Dup:is({v = "s"}))

-- in a function and a loop: declared afresh each time the block runs
local function make()
  type L = {r: R?}
  type R = {l: L?}
  return L, R
end
local L1, R1 = make()
local L2, R2 = make()
assert(rawequal(L1.r:inner(), R1) and rawequal(L2.r:inner(), R2) and L1 ~= L2)
assert(L1:is({r = {l = {}}}) and msg(L2, {r = {l = 1}}) == "r.l: expected record, got number")
for i = 1, 3 do
  type Even = {n: integer, odd: Odd?}
  type Odd = {even: Even?}
  assert(Even:is({n = i, odd = {even = {n = 1}}}))
end
