-- Error values raised with error() travel through pcall/xpcall intact.
local e = errors.new({message = "boom", kind = errors.CANCELED, details = {n = 1}})

local ok, got = pcall(error, e)
assert(ok == false and got == e)

ok, got = pcall(function() error(e) end)
assert(not ok and rawequal(got, e))
assert(got:message() == "boom" and got:kind() == errors.CANCELED and got:details().n == 1)

-- a level adds no position to a non-string error
ok, got = pcall(function() error(e, 2) end)
assert(got == e and tostring(got) == "boom [CANCELED]")

-- xpcall handlers receive the object and can use its stack
local seen
ok, got = xpcall(function() error(errors.new("in handler test")) end, function(err)
  seen = err
  return errors.wrap(err, "handled")
end)
assert(not ok and seen:message() == "in handler test")
assert(got:message() == "handled: in handler test")
assert(type(got:stack()) == "string")

-- the spec's example (section 6)
local function fetch_row(id)
  return nil, errors.new({message = "no row " .. id, kind = errors.NOT_FOUND})
end
local function load_profile(id)
  if type(id) ~= "string" or id == "" then
    return nil, errors.new({message = "id required", kind = errors.INVALID, details = {field = "id"}})
  end
  local row, err = fetch_row(id)
  if err then
    return nil, errors.wrap(err, "load_profile " .. id)
  end
  return row
end
local p, err = load_profile("")
assert(p == nil and err:kind() == errors.INVALID and err:details().field == "id" and err:retryable() == nil)
local q, err2 = load_profile("u-404")
assert(q == nil and errors.is(err2, errors.NOT_FOUND))
assert(err2:message() == "load_profile u-404: no row u-404")
local ok2, raised = pcall(function() error(errors.new("boom")) end)
assert(ok2 == false and raised:message() == "boom" and raised:kind() == errors.UNKNOWN)
print "OK"
