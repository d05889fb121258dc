-- expect: error 3: argument #2 of 'errors.is': expected "UNKNOWN" | "INVALID" | "NOT_FOUND" | "ALREADY_EXISTS" | "PERMISSION_DENIED" | "UNAVAILABLE" | "INTERNAL" | "CANCELED" | "CONFLICT" | "TIMEOUT" | "RATE_LIMITED", got "NotFound"
local err = errors.new("gone")
if errors.is(err, "NotFound") then print("missing") end
