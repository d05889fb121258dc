-- Transport failures are nil, err with a kind: TIMEOUT, UNAVAILABLE
-- (connection refused; arg[2] is a closed local port), NOT_FOUND (DNS),
-- INVALID (bad URL
-- or options). Wrong argument types raise.
local http = require("http_client")
local base, closed = assert(arg[1]), assert(arg[2])

-- timeouts: seconds, or a duration string (spec §0.5)
local r, err = http.get(base .. "/slow?ms=2000", {timeout = 0.2})
assert(r == nil and errors.is(err, errors.TIMEOUT), tostring(err))
assert(err:retryable() == true)
r, err = http.get(base .. "/slow?ms=2000", {timeout = "150ms"})
assert(r == nil and errors.is(err, errors.TIMEOUT), tostring(err))
r = assert(http.get(base .. "/slow?ms=10", {timeout = 5}))
assert(r.body == "slow")

-- connection refused
r, err = http.get("http://127.0.0.1:" .. closed .. "/")
assert(r == nil and errors.is(err, errors.UNAVAILABLE), tostring(err))
assert(err:retryable() == true and err:message():find("127.0.0.1"))

-- a name that does not resolve (.invalid never does, RFC 6761): NOT_FOUND
r, err = http.get("http://wlua-test.invalid/", {timeout = 5})
assert(r == nil and errors.is(err, errors.NOT_FOUND), tostring(err))

-- bad URLs and options
for _, u in ipairs{"not a url", "ftp://127.0.0.1/x", "http://", ""} do
  r, err = http.get(u)
  assert(r == nil and errors.is(err, errors.INVALID), u .. ": " .. tostring(err))
end
local bad_opts = {
  {headers = "x"}, {query = 1}, {timeout = -1}, {timeout = "soon"}, {timeout = {}},
  {body = {}}, {body = "a", json = {}}, {max_redirects = -1}, {tls = {insecure_skip_verify = true}},
  {headers = {["X"] = {{}}}},
}
for i, o in ipairs(bad_opts) do
  r, err = http.get(base .. "/echo", o)
  assert(r == nil and errors.is(err, errors.INVALID), "options " .. i .. ": " .. tostring(err))
end
r, err = http.request("BAD METHOD", base .. "/echo")
assert(r == nil and errors.is(err, errors.INVALID))
r, err = http.get(base .. "/echo", "not a table")
assert(r == nil and errors.is(err, errors.INVALID))

-- programming errors raise
assert(not pcall(http.get))
assert(not pcall(http.request, "GET"))
assert(not pcall(http.get, {}))
print "OK"
