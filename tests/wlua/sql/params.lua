-- Bind parameters: one array table or varargs (wlua-decisions.md), ?NNN,
-- and named :name / @name / $name (from the table's string keys).
local sql = require("sql")
local db = assert(sql.open("sqlite::memory:"))

local function one(q, ...) local rows, err = db:query(q, ...); assert(rows, tostring(err)); return rows[1] end

assert(one("SELECT ? + ? AS s", {1, 2}).s == 3)
assert(one("SELECT ? + ? AS s", 1, 2).s == 3)
assert(one("SELECT ?2 - ?1 AS d", {1, 10}).d == 9)
assert(one("SELECT :a || :b AS s", {a = "x", b = "y"}).s == "xy")
assert(one("SELECT @a * $b AS p", {a = 6, b = 7}).p == 42)
assert(one("SELECT :a AS v", {[":a"] = "prefixed"}).v == "prefixed", "key with its prefix")
-- mixed: positional ? and named
assert(one("SELECT ? AS p, :n AS n", {5, n = "x"}).n == "x")
-- a named parameter without a key falls back to its position
assert(one("SELECT :a AS a, :b AS b", {1, 2}).b == 2)
-- no parameters at all
assert(one("SELECT 1 AS one").one == 1)
assert(one("SELECT 1 AS one", {}).one == 1)

-- counts must match
local rows, err = db:query("SELECT ?, ?", {1})
assert(rows == nil and errors.is(err, errors.INVALID) and err:message():find("takes 2"), tostring(err))
rows, err = db:query("SELECT ?", 1, 2)
assert(rows == nil and errors.is(err, errors.INVALID))
rows, err = db:query("SELECT :missing", {other = 1})
assert(rows == nil and errors.is(err, errors.INVALID) and err:message():find(":missing"), tostring(err))
rows, err = db:query("SELECT ?", {[true] = 1})
assert(rows == nil and errors.is(err, errors.INVALID))

-- parameters are never spliced into SQL
assert(db:execute("CREATE TABLE u (name TEXT)"))
local evil = "x'); DROP TABLE u; --"
assert(db:execute("INSERT INTO u VALUES (?)", evil))
assert(one("SELECT name FROM u").name == evil)
print "OK"
