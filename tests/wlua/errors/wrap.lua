-- errors.wrap and errors.is through wrap chains.
-- The error must be `<script>:<line>: ` followed by exactly `msg`.
local function checkerror(msg, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  local text = err:match("^[^:]+%.lua:%d+: (.*)$")
  assert(text == msg, "got: " .. tostring(err))
end

local details = {key = "k1"}
local base = errors.new({message = "row missing", kind = errors.NOT_FOUND,
                         retryable = false, details = details})
local w1 = errors.wrap(base, "loading profile")
assert(w1 ~= base)
assert(w1:message() == "loading profile: row missing")
assert(w1:kind() == errors.NOT_FOUND)
assert(w1:retryable() == false)
assert(w1:details() == details)
assert(tostring(w1) == "loading profile: row missing [NOT_FOUND]")
-- the original is unchanged
assert(base:message() == "row missing")

local w2 = errors.wrap(w1, "handling request")
assert(w2:message() == "handling request: loading profile: row missing")
assert(w2:kind() == "NOT_FOUND" and w2:details() == details)

-- retryable true and unknown are kept too
local r = errors.wrap(errors.new({message = "busy", kind = errors.UNAVAILABLE, retryable = true}), "ctx")
assert(r:retryable() == true and r:kind() == "UNAVAILABLE" and r:details() == nil)
assert(errors.wrap(errors.new("x"), "ctx"):retryable() == nil)

-- nil wraps to nil, so `return nil, errors.wrap(err, ...)` is safe
assert(errors.wrap(nil, "context") == nil)
assert(select("#", errors.wrap(nil, "context")) == 1)

-- a plain string (or number) becomes an error first
local s = errors.wrap("socket closed", "sending")
assert(type(s) == "userdata")
assert(s:message() == "sending: socket closed" and s:kind() == "UNKNOWN")
assert(errors.wrap(404, "fetch"):message() == "fetch: 404")
assert(errors.wrap(base, 5):message() == "5: row missing")

-- errors.is: the kind of any layer of the chain
assert(errors.is(base, errors.NOT_FOUND))
assert(errors.is(w1, errors.NOT_FOUND))
assert(errors.is(w2, errors.NOT_FOUND))
assert(not errors.is(w2, errors.INVALID))
assert(errors.is(errors.new("x"), errors.UNKNOWN))
assert(not errors.is(base, errors.UNKNOWN))
-- the outer kind always matches, the inner ones are searched as well
assert(errors.is(s, errors.UNKNOWN))
-- non-errors are never of a kind
assert(errors.is(nil, errors.UNKNOWN) == false)
assert(errors.is("NOT_FOUND", errors.NOT_FOUND) == false)
assert(errors.is({kind = "NOT_FOUND"}, errors.NOT_FOUND) == false)
assert(errors.is(42, errors.UNKNOWN) == false)

-- a chain built deep stays intact
local e = errors.new({message = "root", kind = errors.CONFLICT, retryable = true})
for i = 1, 100 do e = errors.wrap(e, "l" .. i) end
assert(errors.is(e, errors.CONFLICT) and e:retryable() == true)
assert(e:message():sub(1, 9) == "l100: l99" and e:message():sub(-8) == "l1: root")

-- argument errors
checkerror("bad argument #2 to 'wrap' (string expected, got no value)",
  function() return errors.wrap(base) end)
checkerror("bad argument #2 to 'wrap' (string expected, got no value)",
  function() return errors.wrap(nil) end)
checkerror("bad argument #2 to 'wrap' (string expected, got table)",
  function() return errors.wrap(base, {}) end)
checkerror("bad argument #1 to 'wrap' (error or string expected, got table)",
  function() return errors.wrap({}, "ctx") end)
checkerror("bad argument #1 to 'wrap' (error or string expected, got boolean)",
  function() return errors.wrap(false, "ctx") end)
checkerror("bad argument #2 to 'is' (string expected, got no value)",
  function() return errors.is(base) end)
checkerror("bad argument #2 to 'is' (string expected, got nil)",
  function() return errors.is(base, errors.NOTFOUND) end)
checkerror("bad argument #2 to 'is' (unknown kind 'NotFound')",
  function() return errors.is(base, "NotFound") end)
print "OK"
