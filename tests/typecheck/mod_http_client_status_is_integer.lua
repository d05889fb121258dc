-- expect: error 4: local 'status': expected string, got integer
local http = require("http_client")
local resp = assert(http.get("http://127.0.0.1:1/"))
local status: string = resp.status_code
print(status)
