-- Type values: the capitalised globals, one value per type (table keys),
-- instantiating generics from Lua (G:of), and the methods through `types`.
local function checkerror(text, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  assert(tostring(err):find(text), "got: " .. tostring(err))
end
local function msg(T, v)
  local ok, err = T:is(v)
  assert(ok == nil, "expected failure")
  return err:message()
end

-- The globals are the types.* values.
local globals = {
  Nil = "nil", Boolean = "boolean", Number = "number", Integer = "integer",
  String = "string", Any = "any", Unknown = "unknown", Never = "never",
  Error = "error", Table = "table", Function = "function", Thread = "thread",
  Userdata = "userdata",
}
for g, name in pairs(globals) do
  assert(rawequal(_G[g], types[name]), g)
  assert(_G[g]:kind() == name and tostring(_G[g]) == name and _G[g]:name() == name)
end
assert(Integer(3) == 3 and select(2, Integer:is(3.5)):message() == "expected integer, got float")
assert(Integer <= Number and not (Number <= Integer) and Integer < Number)
assert(Never <= String and String <= Any and String <= Unknown)
-- They are ordinary globals: a program may reuse the names.
do
  local saved = String
  String = "mine"
  assert(String == "mine" and rawequal(types.string, saved))
  String = saved
  local Number = 5
  assert(Number == 5)
end
-- The libraries keep their names and stay uncallable.
assert(type(string) == "table" and not pcall(string, 5))

-- One value per type: equal types are the same value, so they are equal
-- table keys; == and table lookup agree.
type R1 = {a: {integer}, b: string?}
assert(rawequal(R1.a, R1.a) and rawequal(R1.a:elem(), Integer))
assert(rawequal(R1.b, R1:field("b")) and rawequal(R1.b:inner(), String))
local keys = {[R1.a] = "ints"}
type R2 = {xs: {integer}}
assert(keys[R2.xs] == "ints", "structurally equal anonymous types are one key")
assert(rawequal(R1.a, R2.xs))
type R3 = {xs: {number}}
assert(R3.xs ~= R2.xs and keys[R3.xs] == nil)
-- long identities too, and across collections (the intern table is weak:
-- a type nobody holds is made again, still one value)
type Wide = {alpha: string, beta: {integer}, gamma: {[string]: boolean}, delta: "a" | "b" | "c" | "d"}
local wide_keys = {[Wide:field("gamma")] = 1}
collectgarbage()
collectgarbage()
assert(wide_keys[Wide.gamma] == 1 and rawequal(Wide.delta, Wide:field("delta")))
local function fresh() local y: {zeta: {string}, eta: number @min(0)} = {zeta = {}, eta = 0}; return typeof(y) end
local before = tostring(fresh())
collectgarbage()
collectgarbage()
assert(rawequal(fresh(), fresh()) and tostring(fresh()) == before)
-- an alias is its declaration: the same statement run again (same body,
-- same referenced types) gives the same type
local function decl()
  type Local = {v: integer}
  return Local
end
assert(rawequal(decl(), decl()))
local seen = {[decl()] = true}
assert(seen[decl()])
-- a different body under the same name is a different type
local T1 = assert(load("type Same = {v: integer} return Same"))()
local T2 = assert(load("type Same = {v: string} return Same"))()
local T1b = assert(load("type Same = {v: integer} return Same"))()
assert(T1 ~= T2 and tostring(T1) == tostring(T2) and rawequal(T1, T1b))

-- Generics: G<A>(v) in a type, G:of(A) in an expression (where
-- `Box<integer>(v)` is Lua's comparison).
type Box<T> = {value: T}
local IntBox = Box:of(Integer)
assert(IntBox:name() == "Box<integer>" and Box:name() == "Box")
assert(IntBox({value = 1}).value == 1)
assert(msg(IntBox, {value = "x"}) == "value: expected integer, got string")
assert(rawequal(Box:of(Integer), IntBox) and Box:of(String) ~= IntBox)
assert(Box:is({value = {}}), "an uninstantiated generic takes anything")
type Declared = Box<integer>
assert(Declared ~= IntBox and Declared <= IntBox and IntBox <= Declared)
type Holder = {b: Box<integer>}
assert(rawequal(Holder.b, IntBox))
type Pair<A, B> = {left: A, right: B}
local P = Pair:of(String, Box:of(Boolean))
assert(tostring(P) == "Pair<string, Box<boolean>>")
assert(msg(P, {left = "a", right = {value = 1}}) == "right.value: expected boolean, got number")
assert(rawequal(P.right, Box:of(Boolean)))
type List<T> = {head: T, tail: List<T>?}
local Ints = List:of(Integer)
assert(Ints:is({head = 1, tail = {head = 2}}))
assert(msg(Ints, {head = 1, tail = {head = "2"}}) == "tail.head: expected integer, got string")
assert(rawequal(Ints.tail:inner(), Ints))
checkerror("Box expects 1 type argument%(s%), got 0", Box.of, Box)
checkerror("Pair expects 2 type argument%(s%), got 1", Pair.of, Pair, String)
checkerror("bad argument #2 to '[%w?.]+' %(type expected, got number%)", Box.of, Box, 1)
checkerror("integer is not a generic type", Integer.of, Integer, String)
checkerror("Declared is not a generic type", Declared.of, Declared, String)
-- instantiating over and over ends with an error, not a crash
local deep = Integer
local ok = pcall(function()
  for _ = 1, 1000 do deep = Box:of(deep) end
end)
assert(not ok and tostring(deep):find("^Box<Box<"))

-- The methods through `types`, for records with fields named like them.
type Odd = {kind: string, name: integer, fields: boolean, is: number}
assert(rawequal(Odd.kind, String) and rawequal(Odd.name, Integer))
assert(types.kind(Odd) == "record" and types.name(Odd) == "Odd")
local fs = {}
for n, ft in types.fields(Odd) do fs[#fs + 1] = n .. ":" .. tostring(ft) end
assert(table.concat(fs, ",") == "kind:string,name:integer,fields:boolean,is:number")
assert(types.is(Odd, {kind = "k", name = 1, fields = true, is = 0.5}))
assert(select(2, types.is(Odd, {})):message() == "kind: expected string, got nil")
assert(rawequal(types.field(Odd, "is"), Number))
assert(rawequal(types.elem(R1.a), Integer) and rawequal(types.inner(R1.b), String))
assert(types.json_schema(Odd)["$ref"] == "#/$defs/Odd")
assert(rawequal(types.of(Box, Integer), IntBox))

-- Reflection on functions: parameters repeat, :ret is the first result.
type F = (number, number, string) -> (boolean, string)
local ps = {}
for p in F:params() do ps[#ps + 1] = tostring(p) end
assert(table.concat(ps, ",") == "number,number,string")
assert(rawequal(F:ret(), Boolean) and tostring(F) == "F")
type U = "a" | "a" | "b"
local us = {}
for v in U:variants() do us[#us + 1] = tostring(v) end
assert(table.concat(us, ",") == "a,a,b")
-- methods that do not apply answer nil
assert(F:elem() == nil and F:key() == nil and F:inner() == nil and Integer:ret() == nil)
assert(Integer:field("x") == nil and Integer.x == nil)
