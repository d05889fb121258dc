-- JSON helpers: `json` option encodes the body (and sets the content
-- type); `resp:json()` decodes the response body.
local http = require("http_client")
local base = assert(arg[1])

local r = assert(http.get(base .. "/json"))
local doc = assert(r:json())
assert(doc.name == "wlua" and #doc.list == 3 and doc.list[3] == 3)
assert(math.type(doc.list[1]) == "integer" and doc.pi == 3.5)
assert(doc.nested.ok == true and doc.nothing == nil)

r = assert(http.post(base .. "/echo", {json = {a = 1, list = {"x", "y"}, ok = false}}))
local e = assert(r:json())
assert(e.headers["content-type"] == "application/json")
local sent = assert(({body = e.body, json = r.json}):json())
assert(sent.a == 1 and sent.list[2] == "y" and sent.ok == false)
-- an explicit content type wins
e = assert(http.post(base .. "/echo", {json = {1, 2}, headers = {["Content-Type"] = "application/vnd+json"}})):json()
assert(e.headers["content-type"] == "application/vnd+json" and e.body == "[1,2]")

-- a body that is not JSON: nil, err
r = assert(http.get(base .. "/not-json"))
local v, err = r:json()
assert(v == nil and errors.is(err, errors.INVALID))
-- values JSON cannot carry: INVALID before any request
r, err = http.post(base .. "/echo", {json = {f = print}})
assert(r == nil and errors.is(err, errors.INVALID))
r, err = http.post(base .. "/echo", {json = {x = 0/0}})
assert(r == nil and errors.is(err, errors.INVALID))
local cyc = {}; cyc.self = cyc
r, err = http.post(base .. "/echo", {json = cyc})
assert(r == nil and errors.is(err, errors.INVALID))
print "OK"
