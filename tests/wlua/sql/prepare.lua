-- Prepared statements: prepare checks the SQL, query/execute run it with
-- new binds each time, close ends it.
local sql = require("sql")
local db = assert(sql.open("sqlite::memory:"))
assert(db:execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)"))

local ins, err = db:prepare("INSERT INTO kv VALUES (:k, :v)")
assert(ins, tostring(err))
for i = 1, 10 do
  local r = assert(ins:execute({k = "key" .. i, v = i * i}))
  assert(r.rows_affected == 1)
end
local get = assert(db:prepare("SELECT v FROM kv WHERE k = ?"))
assert(get:query("key3")[1].v == 9)
assert(get:query({"key10"})[1].v == 100)
assert(#get:query("nope") == 0)

-- a statement in error keeps working
local r, err = ins:execute({k = "key1", v = 0})
assert(r == nil and errors.is(err, errors.ALREADY_EXISTS), tostring(err))
assert(ins:execute({k = "key11", v = 1}))

-- close: later use is an error value
assert(get:close() == true)
local rows, err = get:query("key3")
assert(rows == nil and errors.is(err, errors.INVALID) and err:message():find("closed"))

-- bad SQL fails at prepare
local s, err = db:prepare("SELEKT nonsense")
assert(s == nil and errors.is(err, errors.INVALID), tostring(err))
s, err = db:prepare("SELECT * FROM no_such_table")
assert(s == nil and errors.is(err, errors.INVALID))

-- a statement on a closed DB
local st = assert(db:prepare("SELECT 1 AS x"))
assert(st:query()[1].x == 1)
db:close()
rows, err = st:query()
assert(rows == nil and err:message():find("closed"))
print "OK"
