-- sql.open on an in-memory SQLite database; execute, query, type, stats,
-- close. Rows are arrays of tables keyed by column name.
local sql = require("sql")
assert(sql.type.SQLITE == "sqlite" and sql.type.POSTGRES == "postgres")
assert(sql.type.MYSQL == "mysql" and sql.type.UNKNOWN == "unknown")
assert(sql.isolation.SERIALIZABLE == "serializable" and sql.isolation.DEFAULT == "default")

local db, err = sql.open("sqlite::memory:")
assert(db and err == nil, tostring(err))
assert(type(db) == "userdata")
assert(db:type() == sql.type.SQLITE)

-- several statements without binds in one execute (a schema script)
local r, err = db:execute([[
  CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL);
  CREATE INDEX items_name ON items(name);
]])
assert(r, tostring(err))

r = assert(db:execute("INSERT INTO items (name, price) VALUES (?, ?)", {"apple", 1.5}))
assert(r.last_insert_id == 1 and r.rows_affected == 1)
assert(math.type(r.last_insert_id) == "integer")
r = assert(db:execute("INSERT INTO items (name, price) VALUES (?, ?)", "pear", 2.25))
assert(r.last_insert_id == 2)
r = assert(db:exec("INSERT INTO items (name, price) VALUES ('fig', 3)"))
assert(r.last_insert_id == 3 and r.rows_affected == 1)

local rows = assert(db:query("SELECT id, name, price FROM items ORDER BY id"))
assert(#rows == 3)
assert(rows[1].id == 1 and rows[1].name == "apple" and rows[1].price == 1.5)
assert(rows[2].name == "pear" and rows[3].name == "fig")
assert(math.type(rows[3].price) == "float" and rows[3].price == 3.0)

-- empty results are empty tables
rows = assert(db:query("SELECT * FROM items WHERE id > 100"))
assert(type(rows) == "table" and #rows == 0 and next(rows) == nil)

-- updates and deletes report rows affected
r = assert(db:execute("UPDATE items SET price = price * 2 WHERE price < ?", {3}))
assert(r.rows_affected == 2, r.rows_affected)
r = assert(db:execute("DELETE FROM items WHERE name = ?", {"nothing"}))
assert(r.rows_affected == 0)

-- column aliases and expressions name the keys
rows = assert(db:query("SELECT count(*) AS n, sum(price) AS total FROM items"))
assert(rows[1].n == 3 and rows[1].total == 3 + 4.5 + 3)

-- stats has the spec's fields
local s = db:stats()
assert(s.open_connections == 1 and s.max_open_connections == 1)
for _, k in ipairs{"in_use", "idle", "wait_count", "wait_duration", "max_idle_closed",
                   "max_idle_time_closed", "max_lifetime_closed"} do
  assert(math.type(s[k]) == "integer", k)
end

-- close (and release) are idempotent; a closed DB returns errors, not raises
assert(db:close() == true)
assert(db:release() == true)
local rows2, err2 = db:query("SELECT 1")
assert(rows2 == nil and errors.is(err2, errors.INVALID), tostring(err2))
assert(err2:message():find("closed"))
local r2, err3 = db:execute("SELECT 1")
assert(r2 == nil and err3:kind() == errors.INVALID)
assert(db:stats().open_connections == 0)

-- wrong argument types are programming errors: they raise
local db2 = assert(sql.open(":memory:"))
assert(not pcall(db2.query, db2, {}))
assert(not pcall(db2.query, "not a db", "SELECT 1"))
assert(not pcall(sql.open))
print "OK"
