-- expect: error 3: local 'text': expected string, got string?
local json = require("json")
local text: string = json.encode({a = 1})
print(text)
