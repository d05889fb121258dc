-- process.terminate: forceful kill; monitors get EXIT with an error,
-- links see an abnormal exit.
local time = require("time")
local events = process.events()
local E = process.event

local function next_event(what)
  local r = channel.select{events:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == events, "timeout waiting for " .. what)
  return r.value
end

-- a blocked child
local c = process.spawn_monitored(function() process.inbox():receive() end)
assert(process.terminate(c) == true, "terminate returns true")
local ev = next_event("terminated")
assert(ev.kind == E.EXIT and ev.from == c)
assert(ev.result.value == nil, "no value")
local e = ev.result.error
assert(e ~= nil, "EXIT carries an error")
assert(e:kind() == errors.CANCELED, "kind: " .. tostring(e))
assert(e:message():find(process.pid(), 1, true), "message names the killer: " .. e:message())

-- with a reason: the observers' error says it
c = process.spawn_monitored(function() process.inbox():receive() end)
assert(process.terminate(c, "shutting down"))
ev = next_event("terminated with a reason")
assert(ev.result.error:message() == "terminated by " .. process.pid() .. ": shutting down",
  ev.result.error:message())

-- a busy child (never blocks) can be terminated too
c = process.spawn_monitored(function() local x = 0 while true do x = x + 1 end end)
time.sleep("10ms")
assert(process.terminate(c) == true)
ev = next_event("busy terminated")
assert(ev.kind == E.EXIT and ev.from == c and ev.result.error ~= nil)

-- a sleeping child
c = process.spawn_monitored(function() require("time").sleep("1h") end)
assert(process.terminate(c))
ev = next_event("sleeping terminated")
assert(ev.from == c and ev.result.error:kind() == errors.CANCELED)

-- linked + trapping: LINK_DOWN
process.set_options({trap_links = true})
c = process.spawn_linked(function() process.inbox():receive() end)
assert(process.terminate(c))
ev = next_event("link down")
assert(ev.kind == E.LINK_DOWN and ev.from == c and ev.result.error ~= nil)
process.set_options({trap_links = false})

-- by registered name
c = process.spawn_monitored(function(parent)
  process.registry.register("victim")
  process.send(parent, "ready")
  process.inbox():receive()
end, nil, process.pid())
process.inbox():receive()
assert(process.terminate("victim") == true, "terminate by name")
ev = next_event("by name")
assert(ev.from == c and ev.result.error ~= nil)
local pid, err = process.registry.lookup("victim")
assert(pid == nil and err:kind() == errors.NOT_FOUND, "name freed on kill")

-- terminating a dead or unknown process: nil, err NOT_FOUND
local ok
ok, err = process.terminate(c)
assert(ok == nil and err:kind() == errors.NOT_FOUND, "dead pid: " .. tostring(err))
ok, err = process.terminate("no-such-name")
assert(ok == nil and err:kind() == errors.NOT_FOUND)

-- terminating oneself raises a CANCELED error
local ok2, e2 = pcall(process.terminate, process.pid())
assert(not ok2, "terminating oneself raises")
assert(type(e2) == "userdata" and e2:kind() == errors.CANCELED, "self-terminate error: " .. tostring(e2))

-- a child that terminates itself exits abnormally
c = process.spawn_monitored(function() process.terminate(process.pid()) end)
ev = next_event("self terminate")
assert(ev.from == c and ev.result.error:kind() == errors.CANCELED)
