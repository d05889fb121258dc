-- Definition-time errors and misuse: clear errors, never a crash.
local function checkerror(pat, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  assert(tostring(err):find(pat), "got: " .. tostring(err))
end

-- The static checker reports these declarations (unknown type, wrong
-- arity), so they are compiled from strings: the runtime must still fail
-- cleanly when the checker is not run.
local function run(src) return assert(load(src)) end
-- a referenced name that is not a type
checkerror("type Bad: reference #1 is not a type %(got number%)",
  run("local NotAType = 5 type Bad = {x: NotAType}"))
checkerror("type Bad2: reference #1 is not a type %(got nil%)", run("type Bad2 = Missing"))
-- wrong number of type arguments
checkerror("type Bad3: Box expects 1 type argument%(s%), got 2",
  run("type Box<T> = {value: T} type Bad3 = Box<integer, string>"))
-- a local holding a type value (not a declaration) may be used as a type at
-- run time; the checker only knows declared names
local Inner = run("local function outer() type Inner = {v: integer} return Inner end return outer()")()
local Wrap = run("local Inner = ... type Wrap = {inner: Inner} return Wrap")(Inner)
assert(Wrap:is({inner = {v = 1.5}}) == nil)
assert(select(2, Wrap:is({inner = {v = 1.5}})):message() == "inner.v: expected integer, got float")
-- malformed descriptions passed by hand
for _, d in ipairs({"", "3:abc", "1:A0;", "1:A0;R99999999999;", "1:A0;px", "1:A0;r0;0;", "1:A0;V1;3:foo0;pN", "1:A0;g5;"}) do
  assert(not pcall(types.define, d))
end
checkerror("bad argument #1 to '[%w?.]+' %(type expected, got table%)", types.validate, {}, 1)
-- :is never raises for data
type T = {a: {b: integer}}
local v, e = T:is(setmetatable({}, {__index = function() error("no") end}))
assert(v == nil and e:message() == "a: expected record, got nil")
-- shadowing the types global by a local does not break declarations
do
  local types = nil
  type Still = integer
  assert(Still(1) == 1)
end
-- types that only refer to themselves end with an error or an empty answer
type AA = AA & AA
type UU = UU | UU
for _, T in ipairs({AA, UU}) do
  local v, e = T:is(1)
  assert(v == nil and e:message() == "type recursion too deep")
  for _ in T:fields() do error("no fields") end
  assert(T:name() and T:kind() and T:json_schema())
end
-- random declarations and data: never a crash (fuzzed further by hand)
math.randomseed(3)
local prims = {"nil", "integer", "string", "any", "never", "\"a\"", "1", "A", "B<A>", "B<integer>"}
local function gen(d)
  local r = math.random(d > 3 and 1 or 8)
  if r <= 2 then return prims[math.random(#prims)]
  elseif r == 3 then return gen(d + 1) .. "?"
  elseif r == 4 then return "(" .. gen(d + 1) .. " | " .. gen(d + 1) .. ")"
  elseif r == 5 then return "(" .. gen(d + 1) .. " & " .. gen(d + 1) .. ")"
  elseif r == 6 then return "{" .. gen(d + 1) .. "}"
  elseif r == 7 then return "{[" .. gen(d + 1) .. "]: " .. gen(d + 1) .. "}"
  else return "{x: " .. gen(d + 1) .. ", y?: " .. gen(d + 1) .. "}" end
end
local cyclic = {1, {x = 2}}
cyclic[2].y = cyclic
cyclic.x = cyclic
for _ = 1, 300 do
  local A = assert(load("type B<T> = {v: T, next: B<T>?} type A = " .. gen(0) .. " return A"))()
  for _, v in ipairs({1, "a", cyclic, {v = 1, next = {v = 2}}}) do
    local r, e = A:is(v)
    assert(e == nil or errors.is(e, errors.INVALID))
  end
  A:json_schema()
  assert(A <= A and not (A < A))
  local _ = A <= types.integer, types.integer <= A, A:name(), A:kind()
end
