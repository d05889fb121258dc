-- Redirects are followed (up to 10 by default); `follow_redirects =
-- false` returns the 3xx itself; `max_redirects` lowers the limit.
local http = require("http_client")
local base = assert(arg[1])

local r = assert(http.get(base .. "/redirect/3"))
assert(r.status_code == 200 and r.body == "landed")
assert(r.url == base .. "/redirect/0", r.url)

r = assert(http.get(base .. "/redirect/3", {follow_redirects = false}))
assert(r.status_code == 302 and r.headers["Location"] == "/redirect/2")

local err
r, err = http.get(base .. "/redirect/12")
assert(r == nil and errors.is(err, errors.INVALID), tostring(err))
r, err = http.get(base .. "/redirect/3", {max_redirects = 2})
assert(r == nil and err ~= nil)
r = assert(http.get(base .. "/redirect/2", {max_redirects = 2}))
assert(r.body == "landed")
print "OK"
