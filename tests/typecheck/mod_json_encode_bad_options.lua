-- expect: error 3: argument #2 of 'json.encode': expected table?, got string
local json = require("json")
print(json.encode({1, 2}, "pretty"))
