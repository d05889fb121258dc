-- expect: ok
local sql = require("sql")
local function rows(db: sql.DB): sql.Rows
  local rs: sql.Rows?, err: errors.Error? = db:query("select 1")
  if err then error(err:message()) end
  return rs
end
print(rows)
