-- Methods, headers, query parameters and bodies against the local test
-- server (arg[1] is its base URL). Non-2xx statuses are responses.
local http = require("http_client")
local base = assert(arg[1], "base URL")

local function echo(resp)
  assert(resp.status_code == 200, resp.status_code)
  return assert(resp:json())
end

local r, err = http.get(base .. "/echo/path")
assert(r, tostring(err))
assert(r.status_code == 200 and r.headers["Content-Type"] == "application/json")
assert(r.body_size == #r.body and r.url == base .. "/echo/path")
local e = echo(r)
assert(e.method == "GET" and e.path == "/echo/path" and e.body == "")

for _, m in ipairs{"post", "put", "patch", "delete"} do
  e = echo(assert(http[m](base .. "/echo", {body = "payload " .. m})))
  assert(e.method == m:upper() and e.body == "payload " .. m, e.method)
end
r = assert(http.head(base .. "/echo"))
assert(r.status_code == 200 and r.body == "")
e = echo(assert(http.request("options", base .. "/echo")))
assert(e.method == "OPTIONS")
e = echo(assert(http.request("PURGE", base .. "/echo", {body = "x"})))
assert(e.method == "PURGE" and e.body == "x")

-- headers go out; query parameters are encoded and appended
e = echo(assert(http.get(base .. "/echo", {
  headers = {["X-Token"] = "abc", ["Accept"] = "text/plain"},
  query = {q = "a b&c", n = 5},
})))
assert(e.headers["x-token"] == "abc" and e.headers["accept"] == "text/plain")
assert(e.query:find("q=a", 1, true) and e.query:find("n=5", 1, true), e.query)
assert(not e.query:find(" ", 1, true), "query is encoded: " .. e.query)
-- form bodies, basic auth, cookies
e = echo(assert(http.post(base .. "/echo", {form = {name = "a b", x = "1"}})))
assert(e.body == "name=a+b&x=1" and e.headers["content-type"] == "application/x-www-form-urlencoded", e.body)
e = echo(assert(http.get(base .. "/echo", {auth = {user = "u", pass = "p"}, cookies = {s = "1"}})))
assert(e.headers["authorization"] == "Basic dTpw" and e.headers["cookie"] == "s=1")

-- statuses are not errors
r, err = http.get(base .. "/status/404")
assert(r and err == nil and r.status_code == 404 and r.body == "status 404")
r = assert(http.post(base .. "/status/503"))
assert(r.status_code == 503)

-- response headers: canonical names, repeats joined; cookies parsed
r = assert(http.get(base .. "/headers"))
assert(r.headers["X-Multi"] == "one, two", r.headers["X-Multi"])
assert(r.cookies.a == "1" and r.cookies.b == "2")

-- big bodies and the max_response_body limit
r = assert(http.get(base .. "/big?n=200000"))
assert(#r.body == 200000 and r.body_size == 200000)
r, err = http.get(base .. "/big?n=5000", {max_response_body = 1000})
assert(r == nil and errors.is(err, errors.INVALID))

-- encode_uri / decode_uri
assert(http.encode_uri("a b&c/d") == "a+b%26c%2Fd")
assert(http.decode_uri("a+b%26c%2Fd") == "a b&c/d")
local s, derr = http.decode_uri("%zz")
assert(s == nil and errors.is(derr, errors.INVALID))
print "OK"
