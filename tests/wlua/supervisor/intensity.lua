-- A child that keeps crashing exhausts the restart intensity: the
-- supervisor gives up, stops, and its owner (trapping links) hears
-- LINK_DOWN with the intensity error. Temporary children are never
-- restarted; transient ones only after a failure.
-- Children come from lib/kids.lua (entry ids "lib.kids:...").
local supervisor = require("supervisor")
local time = require("time")
local me = process.pid()
process.set_options({trap_links = true})
local started = process.listen("started", {message = true})
local events = process.events()

local sup = assert(supervisor.start{
  strategy = "one_for_one", intensity = 2, period = "30s",
  children = {{id = "bad", start = "lib.kids:crasher", args = {me, "bad"}}},
})
local count = 0
while true do
  local r = channel.select{started:case_receive(), events:case_receive(), time.after("5s"):case_receive()}
  if r.channel == started then
    count = count + 1
  elseif r.channel == events then
    local ev = r.value
    assert(ev.kind == process.event.LINK_DOWN and ev.from == sup, "event " .. tostring(ev.kind))
    assert(ev.result.error:kind() == errors.UNAVAILABLE)
    assert(tostring(ev.result.error):find("maximum restart intensity", 1, true))
    -- The last child's "started" was sent before its crash, so it is in
    -- the channel by now; select picks at random among ready cases, so it
    -- may still be waiting there.
    while channel.select{started:case_receive(), default = true}.channel == started do
      count = count + 1
    end
    break
  else
    error("timed out")
  end
end
assert(count == 3, "started " .. count .. " times (1 + 2 restarts)")

-- temporary: not restarted after a crash
local sup2 = assert(supervisor.start{
  children = {{id = "t", start = "lib.kids:crasher", args = {me, "t"}, restart = "temporary"}},
})
local r = channel.select{started:case_receive(), time.after("5s"):case_receive()}
assert(r.channel == started)
r = channel.select{started:case_receive(), time.after("300ms"):case_receive()}
assert(r.channel ~= started, "temporary child restarted")

-- transient: restarted after a crash, not after a normal return
local sup3 = assert(supervisor.start{
  children = {{id = "w", start = "lib.kids:worker", args = {me, "w"}, restart = "transient"}},
})
r = channel.select{started:case_receive(), time.after("5s"):case_receive()}
local _, pid = r.value:payload():data()
process.send(pid, "crash")
r = channel.select{started:case_receive(), time.after("5s"):case_receive()}
assert(r.channel == started, "transient child not restarted after a crash")
_, pid = r.value:payload():data()
process.send(pid, "quit")
r = channel.select{started:case_receive(), time.after("300ms"):case_receive()}
assert(r.channel ~= started, "transient child restarted after a normal exit")
assert(#supervisor.which_children(sup3) == 1)
supervisor.stop(sup2)
supervisor.stop(sup3)

-- bad specs are errors, not crashes
local s, err = supervisor.start{strategy = "one_for_none", children = {}}
assert(s == nil and err:kind() == errors.INVALID)
s, err = supervisor.start{children = {{start = 42}}}
assert(s == nil and err:kind() == errors.INVALID)
print("ok")
-- expect-stdout: ok
