-- A long query runs on the blocking pool: with one worker thread, another
-- process keeps ticking while it runs, and coroutines of this process
-- share one DB (their queries take turns on the connection).
-- args: --workers 1
local sql = require("sql")
local time = require("time")
local db = assert(sql.open("sqlite::memory:"))

local me = process.pid()
local ticks = process.listen("tick")
local ticker = process.spawn(function(parent)
  local time = require("time")
  local stop = process.listen("stop")
  local n = 0
  process.send(parent, "tick", 0)
  while true do
    local r = channel.select{stop:case_receive(), time.after("2ms"):case_receive()}
    if r.channel == stop then break end
    n = n + 1
  end
  process.send(parent, "tick", n)
end, nil, me)
assert(ticks:receive() == 0, "ticker started")

-- a recursive CTE that takes a while
local rows, err = db:query([[
  WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)
  SELECT count(*) AS n, sum(x) AS s FROM c]])
assert(rows, tostring(err))
assert(rows[1].n == 3000000)
process.send(ticker, "stop", true)
local n = ticks:receive()
assert(n >= 5, "the other process ran during the query: " .. n .. " ticks")

-- coroutines of one process on one DB
local done = channel.new(3)
for i = 1, 3 do
  coroutine.spawn(function()
    local r = assert(db:query("SELECT ? * 2 AS v", i))
    done:send(r[1].v)
  end)
end
local sum = 0
for _ = 1, 3 do sum = sum + done:receive() end
assert(sum == 12)
print "OK"
