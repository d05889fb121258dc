-- File databases (os.tmpname), DSN forms, and errors from outside as
-- error values: constraint, syntax, missing file, unsupported driver.
local sql = require("sql")
local path = os.tmpname()
os.remove(path)

local db, err = sql.open("sqlite:" .. path)
assert(db, tostring(err))
assert(db:execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT UNIQUE)"))
assert(db:execute("INSERT INTO notes (body) VALUES (?)", "kept"))
assert(db:close())

-- the data is on disk: reopen by plain path and by sqlite:// form
db = assert(sql.open(path))
assert(db:query("SELECT body FROM notes")[1].body == "kept")
db:close()
db = assert(sql.open("sqlite://" .. path))
assert(#db:query("SELECT * FROM notes") == 1)

-- two connections to one file see each other's commits
local other = assert(sql.open(path))
assert(other:execute("INSERT INTO notes (body) VALUES ('from other')"))
assert(#db:query("SELECT * FROM notes") == 2)
other:close()

-- unique violation: ALREADY_EXISTS, not raised
local r, err = db:execute("INSERT INTO notes (body) VALUES (?)", "kept")
assert(r == nil and errors.is(err, errors.ALREADY_EXISTS), tostring(err))
assert(err:retryable() == false)
-- syntax errors and unknown tables: INVALID
r, err = db:execute("INSERT INTO nowhere VALUES (1)")
assert(r == nil and errors.is(err, errors.INVALID), tostring(err))
local rows
rows, err = db:query("SELECT FROM WHERE")
assert(rows == nil and errors.is(err, errors.INVALID))
-- execute refuses a statement returning rows when binds are given
r, err = db:execute("SELECT * FROM notes WHERE id = ?", 1)
assert(r == nil and errors.is(err, errors.INVALID))
db:close()
os.remove(path)

-- a file in a missing directory cannot be opened
db, err = sql.open("/nonexistent-dir-wlua/x/y.db")
assert(db == nil and errors.is(err, errors.NOT_FOUND), tostring(err))
-- unsupported and empty DSNs
db, err = sql.open("mysql://user@localhost/db")
assert(db == nil and errors.is(err, errors.INVALID) and err:message():find("mysql"))
db, err = sql.open("")
assert(db == nil and errors.is(err, errors.INVALID))

-- sql.get: wlua has no resource entries
db, err = sql.get("app:main_db")
assert(db == nil and errors.is(err, errors.NOT_FOUND))
db, err = sql.get("")
assert(db == nil and errors.is(err, errors.INVALID))
print "OK"
