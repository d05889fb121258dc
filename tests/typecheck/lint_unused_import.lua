-- args: --rules
-- expect: warning 4: unused import 'json'
-- expect: warning 5: unused local 'unused_str'
local json = require("json")
local unused_str = string.format("%d", 1)
local fmt = require("string")
print(fmt.rep("a", 2))
