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
local types = nil
type Still = integer
assert(Still(1) == 1)
