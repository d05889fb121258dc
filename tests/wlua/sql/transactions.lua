-- Transactions: begin/commit/rollback, savepoints, db:transaction (commit
-- on return, rollback on error), and what an ended transaction refuses.
local sql = require("sql")
local db = assert(sql.open("sqlite::memory:"))
assert(db:execute("CREATE TABLE acct (name TEXT PRIMARY KEY, balance INTEGER NOT NULL CHECK (balance >= 0))"))
assert(db:execute("INSERT INTO acct VALUES ('a', 100), ('b', 0)"))
local function balance(n) return db:query("SELECT balance FROM acct WHERE name = ?", n)[1].balance end

-- commit
local tx = assert(db:begin())
assert(tx:db_type() == "sqlite")
assert(tx:execute("UPDATE acct SET balance = balance - 30 WHERE name = 'a'"))
assert(tx:execute("UPDATE acct SET balance = balance + 30 WHERE name = ?", "b"))
assert(tx:query("SELECT balance FROM acct WHERE name = 'b'")[1].balance == 30)
assert(tx:commit() == true)
assert(balance("a") == 70 and balance("b") == 30)

-- rollback
tx = assert(db:begin())
assert(tx:execute("DELETE FROM acct"))
assert(#tx:query("SELECT * FROM acct") == 0)
assert(tx:rollback() == true)
assert(balance("a") == 70)

-- an ended transaction refuses everything with INVALID
local ok, err = tx:commit()
assert(ok == nil and errors.is(err, errors.INVALID) and err:message():find("not active"))
ok, err = tx:rollback()
assert(ok == nil and errors.is(err, errors.INVALID))
local rows
rows, err = tx:query("SELECT 1")
assert(rows == nil and errors.is(err, errors.INVALID))

-- one transaction at a time per connection
tx = assert(db:begin())
local tx2, err2 = db:begin()
assert(tx2 == nil and errors.is(err2, errors.INVALID), tostring(err2))
-- statements prepared in a transaction end with it
local st = assert(tx:prepare("SELECT count(*) AS n FROM acct"))
assert(st:query()[1].n == 2)
assert(tx:commit())
rows, err = st:query()
assert(rows == nil and err:message():find("not active"))

-- savepoints
tx = assert(db:begin({isolation = sql.isolation.SERIALIZABLE}))
assert(tx:execute("UPDATE acct SET balance = 1 WHERE name = 'a'"))
assert(tx:savepoint("sp1") == true)
assert(tx:execute("UPDATE acct SET balance = 2 WHERE name = 'a'"))
assert(tx:rollback_to("sp1") == true)
assert(tx:query("SELECT balance FROM acct WHERE name = 'a'")[1].balance == 1)
assert(tx:release("sp1") == true)
ok, err = tx:savepoint("bad name; DROP TABLE acct")
assert(ok == nil and errors.is(err, errors.INVALID))
ok, err = tx:rollback_to("never_made")
assert(ok == nil and err:kind() ~= nil)
assert(tx:rollback())
assert(balance("a") == 70)

-- unknown isolation levels
tx, err = db:begin({isolation = "chaotic"})
assert(tx == nil and errors.is(err, errors.INVALID))

-- db:transaction commits when fn returns
local v, err = db:transaction(function(t)
  assert(t:execute("UPDATE acct SET balance = balance - 10 WHERE name = 'a'"))
  return "done"
end)
assert(v == "done" and err == nil and balance("a") == 60)
-- ... rolls back and returns nil, err when fn does
v, err = db:transaction(function(t)
  assert(t:execute("UPDATE acct SET balance = 0 WHERE name = 'a'"))
  return nil, errors.new({kind = errors.CONFLICT, message = "changed my mind"})
end)
assert(v == nil and errors.is(err, errors.CONFLICT) and balance("a") == 60)
-- ... rolls back on a failing statement inside it (the CHECK constraint)
v, err = db:transaction(function(t)
  assert(t:execute("UPDATE acct SET balance = balance + 1000 WHERE name = 'b'"))
  local r, e = t:execute("UPDATE acct SET balance = balance - 1000 WHERE name = 'a'")
  if not r then return nil, e end
  return true
end)
assert(v == nil and errors.is(err, errors.INVALID), tostring(err))
assert(balance("b") == 30 and balance("a") == 60, "rolled back")
-- ... and rolls back and re-raises when fn raises
local ok2, msg = pcall(db.transaction, db, function(t)
  assert(t:execute("DELETE FROM acct"))
  error("boom", 0)
end)
assert(not ok2 and msg == "boom")
assert(balance("a") == 60)
-- the connection is free for a new transaction afterwards
assert(db:transaction(function(t) return 1 end) == 1)
print "OK"
