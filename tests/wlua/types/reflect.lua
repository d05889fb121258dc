-- Introspection, types as values (arguments, table entries), equality.
type Reading = {sensor: string, value: number, unit?: "C" | "F"}
assert(Reading:kind() == "record")
assert(Reading:name() == "Reading")
assert(tostring(Reading) == "Reading")
local names, kinds = {}, {}
for name, ft in Reading:fields() do
  names[#names + 1] = name
  kinds[#kinds + 1] = ft:kind()
end
assert(table.concat(names, ",") == "sensor,value,unit")
assert(table.concat(kinds, ",") == "string,number,optional")
assert(Reading.unit:inner():kind() == "union")
local vs = {}
for v in Reading.unit:inner():variants() do vs[#vs + 1] = tostring(v) end
assert(table.concat(vs, ",") == "C,F")
assert(Reading.sensor == types.string)
assert(Reading:field("value") == types.number)
assert(Reading:field("nope") == nil)
assert(Reading.unit:name() == '("C" | "F")?')

type Arr = {integer}
assert(Arr:kind() == "array" and Arr:elem() == types.integer)
assert(Arr:name() == "Arr")
type M = {[string]: boolean}
assert(M:kind() == "map" and M:key() == types.string and M:val() == types.boolean)
type F = (number, string) -> boolean
assert(F:kind() == "function" and F:ret() == types.boolean)
local ps = {}
for p in F:params() do ps[#ps + 1] = p:name() end
assert(table.concat(ps, ",") == "number,string")
type L = "x"
assert(L:kind() == "literal" and L:value() == "x" and L:name() == "L")
type U = integer | string
assert(U:kind() == "union")
type I = {a: number} & {b: string}
assert(I:kind() == "intersection")
local fs = {}
for n in I:fields() do fs[#fs + 1] = n end
assert(table.concat(fs, ",") == "a,b")

-- a record with a field named like a method: fields first, methods via T:field / types
type Odd = {kind: string, name: integer}
assert(Odd.kind == types.string)
assert(Odd:field("name") == types.integer)

-- types as arguments and table entries
local function check_all(T, xs)
  for _, x in ipairs(xs) do
    if not T:is(x) then return false end
  end
  return true
end
assert(check_all(types.integer, {1, 2, 3}))
assert(not check_all(types.integer, {1, "2"}))
local schema = {id = types.integer, label = types.string}
assert(schema.id(5) == 5)
type Holder = {t: Arr}
assert(Holder.t == Arr)

-- structural equality between separately built values
type A1 = {integer}
assert(A1:elem() == Arr:elem())
assert(types.integer ~= types.number)

-- subtyping: A <= B, A < B (spec/types.md §3.3, §5.5)
assert(types.integer <= types.number and not (types.number <= types.integer))
assert(types.integer < types.number and not (types.number < types.number))
assert(types.never <= types.string and types.string <= types.any and types.string <= types.unknown)
type Named2 = {name: string}
type Person = {name: string, age: integer}
assert(Person <= Named2 and not (Named2 <= Person) and Person < Named2)
type S = "a" | "b"
assert(S <= types.string and not (types.string <= S))

type MaybeStr = string?
assert(types.string <= MaybeStr and types["nil"] <= MaybeStr and S <= MaybeStr)
assert(Arr <= types.table and not (types.table <= Arr))
type NumArr = {number}
assert(Arr <= NumArr and not (NumArr <= Arr))
type Json = nil | boolean | number | string | {Json} | {[string]: Json}
type Json2 = nil | boolean | number | string | {Json2} | {[string]: Json2}
assert(Json <= Json2 and Json2 <= Json and not (Json < Json2))
assert(types.string <= Json and NumArr <= Json and not (types["function"] <= Json))
