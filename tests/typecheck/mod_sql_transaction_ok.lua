-- expect: ok
local sql = require("sql")
local db = assert(sql.open("sqlite::memory:"))
local ok, err = db:transaction(function(tx)
  tx:execute("CREATE TABLE t (a INTEGER)")
  tx:savepoint("sp1")
  tx:execute("INSERT INTO t VALUES (?)", 1)
  tx:rollback_to("sp1")
  return true
end)
local tx = assert(db:begin({isolation = sql.isolation.SERIALIZABLE}))
local done, cerr = tx:commit()
print(ok, err, done, cerr)
