-- expect: error 4: local 'rows': expected {{[string]: any}}, got {{[string]: any}}?
local sql = require("sql")
local db = assert(sql.open("sqlite::memory:"))
local rows: sql.Rows = db:query("SELECT 1 AS one")
print(#rows)
