-- Literals, optionals, unions and intersections.
local function msg(T, v)
  local ok, err = T:is(v)
  assert(ok == nil, "expected failure")
  return err:message()
end

type Status = "active" | "pending"
assert(Status("active") == "active")
assert(msg(Status, "done") == 'expected "active" | "pending", got "done"')
assert(msg(Status, 1) == 'expected "active" | "pending", got 1')

type One = 1
assert(One:is(1) == 1)
assert(msg(One, 2) == "expected 1, got 2")
type Yes = true
assert(msg(Yes, false) == "expected true, got false")

type MaybeNum = number?
assert(MaybeNum:is(nil) == nil)
local v, e = MaybeNum:is(nil)
assert(e == nil)
assert(msg(MaybeNum, "x") == "expected number, got string")

type Key = integer | string
assert(Key:is(1) and Key:is("a"))
assert(msg(Key, true) == "expected integer | string, got boolean")

-- a tagged union reports the failure inside the member that got furthest
type Shape = {kind: "circle", r: number} | {kind: "rect", w: number, h: number}
assert(Shape:is({kind = "circle", r = 1}))
assert(msg(Shape, {kind = "rect", w = 1, h = "2"}) == "h: expected number, got string")
assert(msg(Shape, 3) == 'expected {kind: "circle", r: number} | {kind: "rect", w: number, h: number}, got number')

type Named = {name: string}
type Aged = {age: integer}
type Person = Named & Aged
assert(Person:is({name = "x", age = 3}))
assert(msg(Person, {name = "x"}) == "age: expected integer, got nil")
assert(msg(Person, {age = 1}) == "name: expected string, got nil")

type Cb = (number) -> string
assert(Cb:is(tostring))
assert(msg(Cb, 1) == "expected function, got number")
