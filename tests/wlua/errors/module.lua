-- errors: the module table, its kind constants and require("errors").
assert(type(errors) == "table")
assert(require("errors") == errors)
assert(package.loaded.errors == errors)
assert(require("errors") == errors)

local kinds = {"UNKNOWN", "INVALID", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
  "UNAVAILABLE", "INTERNAL", "CANCELED", "CONFLICT", "TIMEOUT", "RATE_LIMITED"}
for _, k in ipairs(kinds) do
  assert(errors[k] == k, k)
end
local n = 0
for k, v in pairs(errors) do
  if type(v) == "string" then n = n + 1; assert(k == v) end
end
assert(n == #kinds)
for _, f in ipairs({"new", "wrap", "is", "call_stack"}) do
  assert(type(errors[f]) == "function", f)
end

-- the module is a loaded library, so natives called without a name at the
-- call site are named after it, as the reference names library functions
local ok, msg = pcall(errors.new)
assert(not ok and msg == "bad argument #1 to 'errors.new' (string or table expected, got no value)", msg)
local ok2, msg2 = pcall(errors.is, nil, "NOPE")
assert(not ok2 and msg2 == "bad argument #2 to 'errors.is' (unknown kind 'NOPE')", msg2)
print "OK"
