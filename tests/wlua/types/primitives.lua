-- Primitive types as values (types.*): T(v) returns v or raises an INVALID
-- error; T:is(v) returns v, nil or nil, err and never raises.
local function fails(T, v, msg)
  local ok, err = T:is(v)
  assert(ok == nil, "expected failure for " .. tostring(v))
  assert(errors.is(err, errors.INVALID))
  assert(err:message() == msg, "got: " .. err:message())
  local pok, perr = pcall(T, v)
  assert(not pok and errors.is(perr, errors.INVALID) and perr:message() == msg)
end
local function passes(T, v)
  local r, err = T:is(v)
  assert(err == nil and r == v)
  assert(T(v) == v)
end

passes(types.string, "x")
fails(types.string, 5, "expected string, got number")
passes(types.number, 1)
passes(types.number, 1.5)
fails(types.number, "1", "expected number, got string")
passes(types.integer, 3)
fails(types.integer, 3.5, "expected integer, got float")
fails(types.integer, 3.0, "expected integer, got float")
passes(types.boolean, false)
fails(types.boolean, nil, "expected boolean, got nil")
passes(types["nil"], nil)
fails(types["nil"], 0, "expected nil, got number")
passes(types.any, nil)
passes(types.any, {})
passes(types.unknown, "u")
fails(types.never, 1, "expected never, got number")
passes(types.table, {})
fails(types.table, "t", "expected table, got string")
passes(types["function"], print)
passes(types["function"], function() end)
fails(types["function"], {}, "expected function, got table")
passes(types.thread, coroutine.create(function() end))
passes(types.error, errors.new("boom"))
fails(types.error, "boom", "expected error, got string")

-- Falsy values: the first result of :is is the value itself.
local v, e = types.boolean:is(false)
assert(v == false and e == nil)

-- T(v) never converts.
assert(not pcall(types.string, 5))
assert(not pcall(types.number, "5"))

-- The libraries keep their names.
assert(type(string.format) == "function" and type(table.concat) == "function")

-- Canonical: the same object every time, equal, usable as table keys.
assert(rawequal(types.string, types.string))
local by = {[types.string] = "text", [types.number] = "numeric"}
assert(by[types.string] == "text")
assert(types.string ~= types.number)

-- Reflection on primitives.
assert(types.integer:kind() == "integer")
assert(types.string:name() == "string")
assert(tostring(types.number) == "number")
assert(types.is_type(types.any) and not types.is_type({}))
assert(type(types.string) == "userdata")
