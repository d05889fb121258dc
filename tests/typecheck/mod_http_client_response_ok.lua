-- expect: ok
local http = require("http_client")
local resp, err = http.get("http://127.0.0.1:1/items", {query = {page = 2}, timeout = "5s"})
if not resp then
  print(err:kind(), err:retryable())
  return
end
local status: integer = resp.status_code
local body: string = resp.body
local data, jerr = resp:json()
print(status, body, resp.headers["Content-Type"], data, jerr, http.encode_uri("a b"))
