-- Links with trap_links = true: LINK_DOWN events for abnormal exits only;
-- link/unlink after the fact; linking to a dead pid.
local time = require("time")
local events = process.events()
local E = process.event

local function next_event(what)
  local r = channel.select{events:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == events, "timeout waiting for " .. what)
  return r.value
end
local function no_event(what)
  -- a monitored sentinel that exits after the others proves ordering
  local s = process.spawn_monitored(function() require("time").sleep("30ms") end)
  local ev = next_event("sentinel for " .. what)
  assert(ev.kind == E.EXIT and ev.from == s, what .. ": unexpected event " .. tostring(ev.kind) .. " from " .. tostring(ev.from))
end

assert(process.get_options().trap_links == false, "trap_links defaults to false")
assert(process.set_options({trap_links = true}) == true)
assert(process.get_options().trap_links == true)

-- 1. linked child fails: LINK_DOWN event with the error
local c = process.spawn_linked(function() error("linked boom") end)
local ev = next_event("link down")
assert(ev.kind == E.LINK_DOWN, "kind LINK_DOWN, got " .. tostring(ev.kind))
assert(ev.type == E.LINK_DOWN)
assert(ev.from == c)
assert(type(ev.result) == "table" and ev.result.error ~= nil)
assert(ev.result.error:message():find("linked boom", 1, true), ev.result.error:message())

-- 2. linked child returns normally: no LINK_DOWN
process.spawn_linked(function() return 1 end)
no_event("normal exit of a linked child")

-- 3. return nil, err is abnormal: LINK_DOWN
c = process.spawn_linked(function() return nil, errors.new({message = "soft", kind = errors.TIMEOUT}) end)
ev = next_event("soft failure")
assert(ev.kind == E.LINK_DOWN and ev.from == c)
assert(ev.result.error:kind() == errors.TIMEOUT)

-- 4. spawn_linked_monitored: both an EXIT and a LINK_DOWN (any order)
c = process.spawn_linked_monitored(function() error("both") end)
local kinds = {}
for i = 1, 2 do
  ev = next_event("linked+monitored " .. i)
  assert(ev.from == c)
  kinds[ev.kind] = (kinds[ev.kind] or 0) + 1
end
assert(kinds[E.EXIT] == 1 and kinds[E.LINK_DOWN] == 1, "one EXIT and one LINK_DOWN")
c = process.spawn_linked_monitored(function() return "fine" end)
ev = next_event("linked+monitored normal")
assert(ev.kind == E.EXIT and ev.from == c and ev.result.value == "fine")
no_event("no LINK_DOWN for a normal exit")

-- 5. link after the fact
c = process.spawn(function()
  local m = process.inbox():receive()
  error("late " .. m:topic())
end)
assert(process.link(c) == true, "link returns true")
process.send(c, "go")
ev = next_event("late link")
assert(ev.kind == E.LINK_DOWN and ev.from == c)
assert(ev.result.error:message():find("late go", 1, true))

-- 6. unlink: no LINK_DOWN afterwards
c = process.spawn_linked(function()
  process.inbox():receive()
  error("after unlink")
end)
assert(process.unlink(c) == true)
process.send(c, "go")
no_event("unlinked child failing")

-- 7. linking to a dead pid: immediate LINK_DOWN with a noproc error
local dead = process.spawn_monitored(function() end)
ev = next_event("dead exit")
assert(ev.kind == E.EXIT and ev.from == dead)
assert(process.link(dead) == true)
ev = next_event("link to dead")
assert(ev.kind == E.LINK_DOWN and ev.from == dead, "link to dead: " .. tostring(ev.kind))
assert(ev.result.error:kind() == errors.NOT_FOUND, tostring(ev.result.error))

-- 8. unknown names
local ok, err = process.link("no-such-name")
assert(ok == nil and err:kind() == errors.NOT_FOUND)
ok, err = process.unlink("no-such-name")
assert(ok == nil and err:kind() == errors.NOT_FOUND)

-- 9. the link is bidirectional: when this (trapping) process... the child
-- side is checked in link_cascade.lua. Here: a child linked to us that
-- is terminated shows up as LINK_DOWN too.
c = process.spawn_linked(function() process.inbox():receive() end)
assert(process.terminate(c) == true)
ev = next_event("terminated linked child")
assert(ev.kind == E.LINK_DOWN and ev.from == c)
assert(ev.result.error ~= nil)

-- 10. turning trapping off again is accepted
assert(process.set_options({trap_links = false}) == true)
assert(process.get_options().trap_links == false)
