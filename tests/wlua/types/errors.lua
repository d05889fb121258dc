-- Definition-time errors and misuse: clear errors, never a crash.
local function checkerror(pat, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  assert(tostring(err):find(pat), "got: " .. tostring(err))
end

-- a referenced name that is not a type
local NotAType = 5
checkerror("type Bad: reference #1 is not a type %(got number%)", function()
  type Bad = {x: NotAType}
end)
checkerror("type Bad2: reference #1 is not a type %(got nil%)", function()
  type Bad2 = Missing
end)
-- wrong number of type arguments
type Box<T> = {value: T}
checkerror("type Bad3: Box expects 1 type argument%(s%), got 2", function()
  type Bad3 = Box<integer, string>
end)
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
