-- expect: ok
-- Unannotated code is not asked to check optional results: these calls
-- may succeed at run time.
local f = io.open("/tmp/wlua-fixture.txt", "w")
f:write("x")
f:close()
local json = require("json")
local s = json.encode({1})
print(s:len(), #s)
local db = require("sql").open("sqlite::memory:")
db:query("SELECT 1")
local whence = string.lower("SET")
print(io.stdout:seek(whence))
