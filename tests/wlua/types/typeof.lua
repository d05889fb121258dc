-- typeof(e) (spec/types.md §5.6): the declared type of `e` when annotations
-- give one (an annotated local or parameter, a cast), otherwise the type of
-- the value at run time. A `typeof` that is a local, or a global the
-- program assigned, is an ordinary function call.
local function checkerror(msg, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  assert(tostring(err):find(msg, 1, true), "got: " .. tostring(err))
end

-- Dynamic: the value's type. Integers are Integer, floats Number.
assert(rawequal(typeof(nil), Nil))
assert(rawequal(typeof(true), Boolean) and rawequal(typeof(false), Boolean))
assert(rawequal(typeof(1), Integer))
assert(rawequal(typeof(1.5), Number) and rawequal(typeof(2^53), Number))
assert(rawequal(typeof(math.huge), Number) and rawequal(typeof(0/0), Number))
assert(rawequal(typeof("s"), String) and rawequal(typeof(""), String))
assert(rawequal(typeof({}), Table) and rawequal(typeof(setmetatable({}, {})), Table))
assert(rawequal(typeof(print), Function))
assert(rawequal(typeof(function() end), Function))
assert(rawequal(typeof(string.len), Function))
assert(rawequal(typeof(coroutine.create(print)), Thread))
assert(rawequal(typeof(errors.new("boom")), Error))
assert(rawequal(typeof(io.stdout), Userdata))
assert(rawequal(typeof(Number), Userdata))
assert(rawequal(typeof(), Nil))
-- only the first value of a call counts
assert(rawequal(typeof(string.find("abc", "b")), Integer))
assert(rawequal(typeof(types.typeof), Function) and rawequal(types.typeof(1.5), Number))
assert(tostring(typeof(1)) == "integer" and typeof(nil):kind() == "nil")

-- Types as table keys: the dynamic type is the same value as the global.
local handlers = {[String] = "text", [Number] = "float", [Integer] = "int", [Table] = "table"}
assert(handlers[typeof("hi")] == "text")
assert(handlers[typeof(1.5)] == "float")
assert(handlers[typeof(3)] == "int")
assert(handlers[typeof({})] == "table")
assert(handlers[typeof(print)] == nil)
-- an integer's type is under Number, not equal to it
assert(typeof(3) ~= Number and typeof(3) <= Number and typeof(3) < Number)

-- Static: annotated locals.
local arr: {number} = {}
assert(typeof(arr):kind() == "array" and rawequal(typeof(arr):elem(), Number))
assert(tostring(typeof(arr)) == "{number}")
assert(rawequal(typeof(arr), typeof(arr)))
local opt: number? = nil
assert(typeof(opt):kind() == "optional" and rawequal(typeof(opt):inner(), Number))
assert(rawequal(typeof(opt!), Number))
local n: integer = 5
assert(rawequal(typeof(n), Integer))
local f: number = 5
assert(rawequal(typeof(f), Number), "the declared type, not the value's")
local s: "a" | "b" = "a"
assert(typeof(s):kind() == "union" and tostring(typeof(s)) == '"a" | "b"')
local m: {[string]: boolean} = {}
assert(typeof(m):kind() == "map" and rawequal(typeof(m):val(), Boolean))
local first, second: string = 1, "x"
assert(rawequal(typeof(first), Integer) and rawequal(typeof(second), String))
local fn: (number) -> string = tostring
assert(typeof(fn):kind() == "function" and rawequal(typeof(fn):ret(), String))
local checked: string @min_len(2) = "ab"
assert(tostring(typeof(checked)) == "string @min_len(2)")
assert(select(2, typeof(checked):is("a")):message() == "expected length >= 2, got length 1")

-- Aliases: the alias itself.
type Point = {x: number, y: number}
local p: Point = {x = 1, y = 2}
assert(rawequal(typeof(p), Point))
local pts: {Point} = {}
assert(rawequal(typeof(pts):elem(), Point))
type Box<T> = {value: T}
local b: Box<integer> = {value = 1}
assert(tostring(typeof(b)) == "Box<integer>" and rawequal(typeof(b), Box:of(Integer)))
assert(select(2, typeof(b):is({value = "x"})):message() == "value: expected integer, got string")

-- Parameters, and locals seen as upvalues.
local function kinds(pt: Point, plain)
  return typeof(pt), typeof(plain)
end
local k1, k2 = kinds({x = 1, y = 2}, {x = 1, y = 2})
assert(rawequal(k1, Point) and rawequal(k2, Table))
local function outer()
  return function() return typeof(arr), typeof(p) end
end
local u1, u2 = outer()()
assert(rawequal(u1, typeof(arr)) and rawequal(u2, Point))
-- a later unannotated local of the same name hides the annotation
do
  local p = "now a string"
  assert(rawequal(typeof(p), String))
end

-- Casts and parentheses.
assert(rawequal(typeof(3 :: number), Number))
assert(rawequal(typeof(({}) :: Point), Point))
assert(rawequal(typeof((n)), Integer))
assert(typeof(("x") as string?):kind() == "optional")

-- any, unknown and type parameters say nothing more than the value.
local a: any = "s"
assert(rawequal(typeof(a), String))
local un: unknown = 1.5
assert(rawequal(typeof(un), Number))
assert(rawequal(typeof(2 :: any), Integer))
local function generic<T>(x: T, xs: {T})
  return typeof(x), typeof(xs)
end
local g1, g2 = generic(true, {})
assert(rawequal(g1, Boolean) and tostring(g2) == "{any}")

-- The operand is evaluated once, as in a plain call.
local calls = 0
local function bump() calls = calls + 1; return 7 end
assert(rawequal(typeof(bump() :: number), Number) and calls == 1)
assert(rawequal(typeof(bump()), Integer) and calls == 2)

-- typeof inside a type: the type typeof gives where the declaration runs.
local cfg: {[string]: number} = {}
type Cfg = typeof(cfg)
assert(Cfg:kind() == "map" and tostring(Cfg) == "Cfg" and rawequal(Cfg:val(), Number))
type FromValue = typeof(42)
assert(FromValue:kind() == "integer")
type WithFn = {cb: typeof(print), p: typeof(p)}
assert(WithFn.cb:kind() == "function" and rawequal(WithFn.p, Point))
local same: typeof(arr) = {}
assert(rawequal(typeof(same), typeof(arr)))
-- an annotation naming its own variable is not unfolded again: the value's type
local selfish: typeof(selfish) = 1.5
assert(rawequal(typeof(selfish), Number))
local chained: typeof(same) = {}
assert(rawequal(typeof(chained), typeof(arr)))
do
  -- in a type, `typeof` is the operator even when a local has the name
  local typeof = nil
  type StillOp = typeof(n)
  assert(StillOp:kind() == "integer")
end

-- A local named typeof wins: an ordinary call.
do
  local function typeof(v) return "mine " .. type(v) end
  assert(typeof(n) == "mine number" and typeof(1) == "mine number")
end
-- So does a global the program assigns, and it gets exactly one argument.
do
  local builtin = typeof
  typeof = function(...) return select("#", ...), ... end
  local count, v = typeof(n)
  assert(count == 1 and v == 5)
  count, v = typeof(p)
  assert(count == 1 and v == p)
  assert(typeof(1) == 1)
  typeof = nil
  checkerror("attempt to call a nil value (global 'typeof')", function() return typeof(n) end)
  checkerror("attempt to call a nil value (global 'typeof')", function() return typeof(1) end)
  typeof = setmetatable({}, {__call = function(_, v) return "called " .. tostring(v) end})
  assert(typeof(n) == "called 5")
  typeof = builtin
  assert(rawequal(typeof(n), Integer))
end

-- A name in the annotation that is not a type when typeof runs (the
-- checker reports it earlier as an unknown type).
checkerror("typeof: reference #1 is not a type (got nil)",
  assert(load("local q: Missing = nil return typeof(q)")))
