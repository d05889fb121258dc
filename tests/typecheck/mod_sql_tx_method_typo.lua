-- expect: error 5: method 'exceute' does not exist on sql.Tx
local sql = require("sql")
local db = assert(sql.open("sqlite::memory:"))
db:transaction(function(tx)
  tx:exceute("INSERT INTO t VALUES (1)")
end)
