-- expect: ok
local sql = require("sql")
local db, err = sql.open("sqlite::memory:")
if not db then error(err) end
local res = assert(db:execute("CREATE TABLE t (a INTEGER, b TEXT)"))
local n: integer = res.rows_affected
local rows = assert(db:query("SELECT a, b FROM t WHERE a > ?", 0))
for _, row in ipairs(rows) do print(row.a, row.b) end
local st = assert(db:prepare("INSERT INTO t VALUES (?, ?)"))
st:execute(1, sql.as.text(2))
st:close()
print(n, #rows, db:type() == sql.type.SQLITE, db:stats().open_connections)
db:close()
