-- expect: error 3: argument #1 of 'json.decode': expected string | number, got {string}
local json = require("json")
local v, err = json.decode({"[1]"})
print(v, err)
