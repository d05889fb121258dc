-- Methods, tostring, concatenation, equality and the type of error values.
-- The error must be `<script>:<line>: ` followed by exactly `msg`.
local function checkerror(msg, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  local text = err:match("^[^:]+%.lua:%d+: (.*)$")
  assert(text == msg, "got: " .. tostring(err))
end

local plain = errors.new("plain failure")
local nf = errors.new({message = "user 7 not found", kind = errors.NOT_FOUND})

assert(type(plain) == "userdata")
-- tostring: the message, plus " [KIND]" unless the kind is UNKNOWN
assert(tostring(plain) == "plain failure")
assert(tostring(nf) == "user 7 not found [NOT_FOUND]")
assert(tostring(errors.new("TIMEOUT", "slow")) == "slow [TIMEOUT]")

-- concatenation on either side, using the tostring form
assert("spawn failed: " .. plain == "spawn failed: plain failure")
assert(nf .. "!" == "user 7 not found [NOT_FOUND]!")
assert("<" .. nf .. ">" == "<user 7 not found [NOT_FOUND]>")
assert(plain .. nf == "plain failureuser 7 not found [NOT_FOUND]")
assert(1 .. plain == "1plain failure")
assert(plain .. 2.5 == "plain failure2.5")
checkerror("attempt to concatenate a nil value", function() return plain .. nil end)
checkerror("attempt to concatenate a table value", function() return {} .. plain end)
checkerror("attempt to concatenate a boolean value", function() return plain .. true end)
-- an operand with its own __concat decides
local t = setmetatable({}, {__concat = function(a, b) return "custom" end})
assert(plain .. t == "custom" and t .. plain == "custom")

-- equality is identity
local same = plain
assert(plain == same)
assert(plain ~= errors.new("plain failure"))
assert(rawequal(plain, same))

-- methods
assert(nf:kind() == "NOT_FOUND")
assert(nf:message() == "user 7 not found")
assert(nf:retryable() == nil)
assert(nf:details() == nil)
assert(type(nf:stack()) == "string")
local det = {a = 1}
local rich = errors.new({message = "m", retryable = true, details = det})
assert(rich:retryable() == true and rich:details() == det)
-- details is the table given, not a copy
det.b = 2
assert(rich:details().b == 2)

-- the method table is shared and reachable through __index
local mt = getmetatable(plain)
assert(mt == getmetatable(nf))
assert(mt.__name == "error")
for _, m in ipairs({"kind", "message", "retryable", "details", "stack"}) do
  assert(type(plain[m]) == "function", m)
end
assert(plain.nosuch == nil)

-- methods on something that is not an error
checkerror("bad argument #1 to 'kind' (error expected, got table)",
  function() return plain.kind({}) end)
checkerror("bad argument #1 to 'message' (error expected, got no value)",
  function() return plain.message() end)
checkerror("calling 'retryable' on bad self (error expected, got table)",
  function() local o = {retryable = plain.retryable}; return o:retryable() end)
checkerror("bad argument #1 to 'details' (error expected, got string)",
  function() return plain.details("x") end)
checkerror("bad argument #1 to 'stack' (error expected, got number)",
  function() return plain.stack(1) end)
checkerror("bad argument #1 to '__tostring' (error expected, got table)",
  function() return mt.__tostring({}) end)
-- a local's name is what the message shows, as for any function
checkerror("bad argument #1 to 'f' (error expected, got table)",
  function() local f = plain.kind; return f({}) end)
print "OK"
