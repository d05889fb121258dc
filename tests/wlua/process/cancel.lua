-- process.cancel: a CANCEL event with from and reason; a graceful exit is
-- normal (monitors get EXIT with the value, links do not fire); a process
-- that ignores CANCEL keeps running.
local time = require("time")
local events = process.events()
local E = process.event
local me = process.pid()
local inbox = process.inbox()

local function recv(ch, what)
  local r = channel.select{ch:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == ch, "timeout waiting for " .. what)
  return r.value
end

-- the CANCEL event shape, observed by the child and reported back
local c = process.spawn_monitored(function(parent)
  local ev = process.events():receive()
  process.send(parent, "saw", ev.kind, ev.type, ev.from, ev.reason, ev.result == nil)
  return "stopped"
end, nil, me)
assert(process.cancel(c, "shutting down") == true)
local m = recv(inbox, "saw")
local kind, typ, from, reason, no_result = m:payload():data()
assert(kind == E.CANCEL and typ == E.CANCEL, "kind CANCEL")
assert(from == me, "from is the canceller")
assert(reason == "shutting down", "reason: " .. tostring(reason))
assert(no_result, "no result field on CANCEL")
local ev = recv(events, "EXIT after cancel")
assert(ev.kind == E.EXIT and ev.from == c)
assert(ev.result.value == "stopped" and ev.result.error == nil, "graceful exit is normal")

-- cancel without a reason
c = process.spawn(function(parent)
  local ev = process.events():receive()
  process.send(parent, "reason", type(ev.reason), ev.reason)
end, nil, me)
assert(process.cancel(c))
m = recv(inbox, "reason")
local rtype, rval = m:payload():data()
assert(rtype == "string" or rtype == "nil", "reason absent or a string")
if rtype == "string" then assert(rval == "", "default reason is empty") end

-- linked + trapping: a graceful exit after CANCEL does not fire LINK_DOWN
process.set_options({trap_links = true})
c = process.spawn_linked_monitored(function()
  local ev = process.events():receive()
  return ev.reason
end)
process.cancel(c, "bye")
ev = recv(events, "linked graceful")
assert(ev.kind == E.EXIT and ev.from == c and ev.result.value == "bye")
local s = process.spawn_monitored(function() require("time").sleep("30ms") end)
ev = recv(events, "sentinel")
assert(ev.kind == E.EXIT and ev.from == s, "no LINK_DOWN after a graceful exit, got " .. tostring(ev.kind))
process.set_options({trap_links = false})

-- a process that ignores CANCEL keeps running; terminate ends it
c = process.spawn_monitored(function(parent)
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    process.send(parent, "pong", msg:payload():data())
  end
end, nil, me)
assert(process.cancel(c, "please"))
process.send(c, "ping", 1)
m = recv(inbox, "pong after ignored cancel")
assert(m:topic() == "pong" and m:payload():data() == 1, "still alive after CANCEL")
assert(process.terminate(c))
ev = recv(events, "terminated")
assert(ev.from == c and ev.result.error ~= nil)

-- cancel by name, and unknown targets
c = process.spawn_monitored(function(parent)
  process.registry.register("cancel-me")
  process.send(parent, "ready")
  local ev = process.events():receive()
  return ev.reason
end, nil, me)
recv(inbox, "ready")
assert(process.cancel("cancel-me", "by name") == true)
ev = recv(events, "cancel by name")
assert(ev.from == c and ev.result.value == "by name")
local ok, err = process.cancel("no-such-name", "x")
assert(ok == nil and err:kind() == errors.NOT_FOUND)
ok, err = process.cancel(c, "x")
assert(ok == nil and err:kind() == errors.NOT_FOUND, "cancel a dead pid: " .. tostring(err))
assert(not pcall(process.cancel, me, {}), "reason must be a string")

-- cancelling oneself puts a CANCEL on one's own events channel
assert(process.cancel(me, "self"))
ev = recv(events, "self cancel")
assert(ev.kind == E.CANCEL and ev.from == me and ev.reason == "self")
