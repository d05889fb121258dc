-- Type mapping: integer, float, text, blob, null (absent key), booleans
-- (bound as 1/0), sql.NULL and the sql.as.* typed binds.
local sql = require("sql")
local db = assert(sql.open("sqlite::memory:"))
assert(db:execute("CREATE TABLE t (i INTEGER, f REAL, s TEXT, b BLOB, n)"))

local blob = "\0\1\2\255binary"
assert(db:execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", {42, 2.5, "héllo", sql.as.binary(blob), sql.NULL}))
local row = assert(db:query("SELECT i, f, s, b, n, typeof(b) AS tb, typeof(n) AS tn FROM t"))[1]
assert(math.type(row.i) == "integer" and row.i == 42)
assert(math.type(row.f) == "float" and row.f == 2.5)
assert(row.s == "héllo")
assert(row.b == blob and #row.b == 10 and row.tb == "blob")
assert(row.n == nil and row.tn == "null", "NULL is an absent key")
local keys = 0
for _ in pairs(row) do keys = keys + 1 end
assert(keys == 6, "no key for the NULL column")

-- large integers and negative floats survive
assert(db:execute("DELETE FROM t"))
assert(db:execute("INSERT INTO t (i, f) VALUES (?, ?)", math.maxinteger, -1e300))
row = db:query("SELECT i, f FROM t")[1]
assert(row.i == math.maxinteger and row.f == -1e300)

-- booleans are integers 1 and 0
row = db:query("SELECT ? AS yes, ? AS no", true, false)[1]
assert(row.yes == 1 and row.no == 0)

-- nil in varargs and sql.NULL bind NULL
row = db:query("SELECT ? IS NULL AS a, ? IS NULL AS b, ? AS c", nil, sql.NULL, 7)[1]
assert(row.a == 1 and row.b == 1 and row.c == 7)
assert(type(sql.NULL) == "userdata" and sql.NULL == require("sql").NULL)

-- typed binds convert
row = db:query("SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c, typeof(?) AS d, typeof(?) AS e",
  sql.as.int("12"), sql.as.float(3), sql.as.text(99), sql.as.binary("x"), sql.as.null())[1]
assert(row.a == "integer" and row.b == "real" and row.c == "text" and row.d == "blob" and row.e == "null",
  row.a .. row.b .. row.c .. row.d .. row.e)
row = db:query("SELECT ? AS a, ? AS b, ? AS c", sql.as.int(7.0), sql.as.float("0.5"), sql.as.text(1.5))[1]
assert(math.type(row.a) == "integer" and row.a == 7 and row.b == 0.5 and row.c == "1.5")

-- a bad conversion is an error value
local v, err = sql.as.int("abc")
assert(v == nil and errors.is(err, errors.INVALID))
v, err = sql.as.int(1.5)
assert(v == nil and errors.is(err, errors.INVALID))
v, err = sql.as.float({})
assert(v == nil and errors.is(err, errors.INVALID))

-- values that cannot be bound: nil, err (not raised)
local rows, err = db:query("SELECT ?", {{}})
assert(rows == nil and errors.is(err, errors.INVALID) and err:message():find("cannot bind a table"), tostring(err))
rows, err = db:query("SELECT ?", print)
assert(rows == nil and errors.is(err, errors.INVALID))

-- SQLite's dynamic typing: text affinity turns numbers into text
assert(db:execute("CREATE TABLE a (x TEXT)"))
assert(db:execute("INSERT INTO a VALUES (?)", 5))
assert(db:query("SELECT x FROM a")[1].x == "5")
print "OK"
