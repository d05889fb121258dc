-- one_for_all restarts every child when one fails; rest_for_one restarts
-- the failed child and those started after it.
-- Children come from lib/kids.lua (entry ids "lib.kids:...").
local supervisor = require("supervisor")
local time = require("time")
local me = process.pid()
local started = process.listen("started", {message = true})

local function starts(n)
  local got = {}
  for _ = 1, n do
    local r = channel.select{started:case_receive(), time.after("5s"):case_receive()}
    assert(r.channel == started, "timed out waiting for a child to start")
    local name, pid = r.value:payload():data()
    got[name] = pid
  end
  return got
end

local function no_more_starts()
  local r = channel.select{started:case_receive(), time.after("200ms"):case_receive()}
  if r.channel == started then
    error("unexpected start of " .. tostring(r.value:payload():data()))
  end
end

for _, strategy in ipairs{"one_for_all", "rest_for_one"} do
  local sup = assert(supervisor.start{
    strategy = strategy, intensity = 5, period = "10s",
    children = {
      {id = "a", start = "lib.kids:worker", args = {me, "a"}},
      {id = "b", start = "lib.kids:worker", args = {me, "b"}},
      {id = "c", start = "lib.kids:worker", args = {me, "c"}},
    },
  })
  local first = starts(3)
  process.send(first.b, "crash")
  if strategy == "one_for_all" then
    local again = starts(3)
    assert(again.a ~= first.a and again.b ~= first.b and again.c ~= first.c)
  else
    local again = starts(2)
    assert(again.a == nil and again.b and again.c)
  end
  no_more_starts()
  supervisor.stop(sup)
end
print("ok")
-- expect-stdout: ok
