-- A one_for_one supervisor restarts only the child that crashed, with a
-- fresh pid; the others keep theirs; which_children reflects the restart.
-- Children come from lib/kids.lua (entry ids "lib.kids:...").
local supervisor = require("supervisor")
local time = require("time")
local me = process.pid()
local started = process.listen("started", {message = true})

local function next_start()
  local r = channel.select{started:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == started, "timed out waiting for a child to start")
  local name, pid = r.value:payload():data()
  return name, pid
end

local sup = assert(supervisor.start{
  strategy = "one_for_one", intensity = 5, period = "10s",
  children = {
    {id = "a", start = "lib.kids:worker", args = {me, "a"}},
    {id = "b", start = "lib.kids:worker", args = {me, "b"}},
  },
})
local pids = {}
for _ = 1, 2 do local n, p = next_start(); pids[n] = p end
assert(pids.a and pids.b)

process.send(pids.a, "crash")
local n, p = next_start()
assert(n == "a", "restarted " .. tostring(n))
assert(p ~= pids.a, "a restarted under a new pid")

local kids = assert(supervisor.which_children(sup))
assert(#kids == 2 and kids[1].id == "a" and kids[2].id == "b")
assert(kids[1].pid == p and kids[2].pid == pids.b, "b was left alone")

-- A permanent child that returns normally is restarted too.
process.send(pids.b, "quit")
local n2 = next_start()
assert(n2 == "b")

assert(supervisor.stop(sup) == true)
print("ok")
-- expect-stdout: ok
