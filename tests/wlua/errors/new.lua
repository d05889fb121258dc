-- errors.new: the message form, the table form, the two-string form, argument errors.
-- The error must be `<script>:<line>: ` followed by exactly `msg`.
local function checkerror(msg, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  local text = err:match("^[^:]+%.lua:%d+: (.*)$")
  assert(text == msg, "got: " .. tostring(err))
end

-- one string: kind UNKNOWN, retryable unknown, no details
local e = errors.new("boom")
assert(type(e) == "userdata")
assert(e:message() == "boom")
assert(e:kind() == errors.UNKNOWN)
assert(e:retryable() == nil)
assert(e:details() == nil)
assert(errors.new(""):message() == "")
assert(errors.new(42):message() == "42")
assert(errors.new(1.5):message() == "1.5")

-- table form
local d = {field = "id"}
local e2 = errors.new({message = "id required", kind = errors.INVALID, retryable = false, details = d})
assert(e2:message() == "id required")
assert(e2:kind() == "INVALID")
assert(e2:retryable() == false)
assert(e2:details() == d and e2:details().field == "id")
local e3 = errors.new({message = "down", kind = errors.UNAVAILABLE, retryable = true})
assert(e3:retryable() == true and e3:details() == nil)
local e4 = errors.new({message = "m"})
assert(e4:kind() == "UNKNOWN" and e4:retryable() == nil and e4:details() == nil)
assert(errors.new({message = 7}):message() == "7")
-- unknown fields are ignored
assert(errors.new({message = "m", code = 12}):message() == "m")
for _, k in ipairs({"UNKNOWN", "INVALID", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
    "UNAVAILABLE", "INTERNAL", "CANCELED", "CONFLICT", "TIMEOUT", "RATE_LIMITED"}) do
  assert(errors.new({message = "x", kind = k}):kind() == k)
end

-- two strings: the first is the kind when it names one, else UNKNOWN
local t = errors.new("TIMEOUT", "took too long")
assert(t:kind() == errors.TIMEOUT and t:message() == "took too long")
local u = errors.new("UNAUTHENTICATED", "bad token")
assert(u:kind() == errors.UNKNOWN and u:message() == "bad token")
assert(errors.new(errors.INVALID, 5):message() == "5")
-- a nil second argument is the one-string form
local n = errors.new("only", nil)
assert(n:message() == "only" and n:kind() == "UNKNOWN")

-- every call makes a new value
assert(errors.new("same") ~= errors.new("same"))

-- argument errors (called from Lua code, so the function is named 'new')
checkerror("bad argument #1 to 'new' (string or table expected, got no value)",
  function() return errors.new() end)
checkerror("bad argument #1 to 'new' (string or table expected, got nil)",
  function() return errors.new(nil) end)
checkerror("bad argument #1 to 'new' (string or table expected, got boolean)",
  function() return errors.new(true) end)
checkerror("bad argument #1 to 'new' (string or table expected, got error)",
  function() return errors.new(errors.new("x")) end)
checkerror("bad argument #2 to 'new' (string expected, got table)",
  function() return errors.new("INVALID", {}) end)
checkerror("bad argument #1 to 'new' (field 'message': string expected, got nil)",
  function() return errors.new({}) end)
checkerror("bad argument #1 to 'new' (field 'message': string expected, got boolean)",
  function() return errors.new({message = true}) end)
checkerror("bad argument #1 to 'new' (field 'kind': unknown kind 'NotFound')",
  function() return errors.new({message = "m", kind = "NotFound"}) end)
checkerror("bad argument #1 to 'new' (field 'kind': string expected, got number)",
  function() return errors.new({message = "m", kind = 3}) end)
checkerror("bad argument #1 to 'new' (field 'retryable': boolean expected, got string)",
  function() return errors.new({message = "m", retryable = "yes"}) end)
checkerror("bad argument #1 to 'new' (field 'details': table expected, got string)",
  function() return errors.new({message = "m", details = "d"}) end)
print "OK"
