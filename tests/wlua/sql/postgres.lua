-- PostgreSQL through a postgres:// DSN. Runs when WLUA_TEST_POSTGRES
-- holds a DSN (.ci/run starts a local server and sets it).
local sql = require("sql")
local dsn = os.getenv("WLUA_TEST_POSTGRES")
if not dsn or dsn == "" then print("skipped: WLUA_TEST_POSTGRES is not set"); return end

local db, err = sql.open(dsn)
assert(db, tostring(err))
assert(db:type() == sql.type.POSTGRES)
assert(db:execute([[
  DROP TABLE IF EXISTS wlua_items;
  CREATE TABLE wlua_items (id SERIAL PRIMARY KEY, name TEXT UNIQUE, qty INTEGER,
    big BIGINT, price DOUBLE PRECISION, ok BOOLEAN, data BYTEA, doc JSONB, small SMALLINT)]]))

local r = assert(db:execute("INSERT INTO wlua_items (name, qty, big, price, ok, data, doc, small) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
  {"apple", 3, math.maxinteger, 1.25, true, sql.as.binary("\0\1\255"), '{"a": 1}', 7}))
assert(r.rows_affected == 1 and r.last_insert_id == nil)
assert(db:execute("INSERT INTO wlua_items (name, qty) VALUES ($1, $2)", "pear", nil))

local rows = assert(db:query("SELECT * FROM wlua_items ORDER BY id"))
assert(#rows == 2)
local a = rows[1]
assert(a.name == "apple" and math.type(a.qty) == "integer" and a.qty == 3)
assert(a.big == math.maxinteger and a.price == 1.25 and a.ok == true)
assert(a.data == "\0\1\255" and a.doc == '{"a": 1}' and a.small == 7)
assert(rows[2].qty == nil and rows[2].ok == nil, "NULL is an absent key")

-- numbers bind to the parameter's type; text-typed params take numbers
assert(db:query("SELECT $1::int + 1 AS v", 41)[1].v == 42)
assert(db:query("SELECT $1::float8 AS v", 2)[1].v == 2.0)
assert(db:query("SELECT $1::text AS v", 5)[1].v == "5")
-- unmapped types ask for a cast
local rows2, err = db:query("SELECT 1.5::numeric AS n")
assert(rows2 == nil and errors.is(err, errors.INVALID) and err:message():find("cast"))
assert(db:query("SELECT 1.5::numeric::text AS n")[1].n == "1.5")

-- errors
local r2, err = db:execute("INSERT INTO wlua_items (name) VALUES ($1)", "apple")
assert(r2 == nil and errors.is(err, errors.ALREADY_EXISTS), tostring(err))
r2, err = db:query("SELEKT 1")
assert(r2 == nil and errors.is(err, errors.INVALID))
r2, err = db:query("SELECT $1", {named = 1})
assert(r2 == nil and errors.is(err, errors.INVALID))
r2, err = db:query("SELECT $1::int", 1, 2)
assert(r2 == nil and errors.is(err, errors.INVALID))

-- prepared statements
local st = assert(db:prepare("SELECT qty FROM wlua_items WHERE name = $1"))
assert(st:query("apple")[1].qty == 3)
assert(st:close())

-- transactions, isolation, savepoints, rollback on error
local tx = assert(db:begin({isolation = sql.isolation.REPEATABLE_READ}))
assert(tx:execute("UPDATE wlua_items SET qty = 100 WHERE name = 'apple'"))
assert(tx:savepoint("s1"))
assert(tx:execute("UPDATE wlua_items SET qty = 200 WHERE name = 'apple'"))
assert(tx:rollback_to("s1"))
assert(tx:query("SELECT qty FROM wlua_items WHERE name = 'apple'")[1].qty == 100)
assert(tx:rollback())
assert(db:query("SELECT qty FROM wlua_items WHERE name = 'apple'")[1].qty == 3)
local v, err = db:transaction(function(t)
  assert(t:execute("UPDATE wlua_items SET qty = 0"))
  local r, e = t:execute("INSERT INTO wlua_items (name) VALUES ('apple')")
  if not r then return nil, e end
end)
assert(v == nil and errors.is(err, errors.ALREADY_EXISTS))
assert(db:query("SELECT qty FROM wlua_items WHERE name = 'apple'")[1].qty == 3)
tx = assert(db:begin({read_only = true}))
r2, err = tx:execute("DELETE FROM wlua_items")
assert(r2 == nil, "read-only transaction")
tx:rollback()

assert(db:execute("DROP TABLE wlua_items"))
db:close()

-- an unreachable server
local bad, err = sql.open("postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
assert(bad == nil and errors.is(err, errors.UNAVAILABLE), tostring(err))
print "OK"
