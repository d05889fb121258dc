-- process.registry: register / lookup / unregister (LOCAL scope), sending
-- by name, conflicts, names freed on exit, unsupported scopes.
local time = require("time")
local reg = process.registry
local me = process.pid()
local inbox = process.inbox()
local events = process.events()

local function recv(ch, what)
  local r = channel.select{ch:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == ch, "timeout waiting for " .. what)
  return r.value
end

-- lookup of an unknown name
local pid, err = reg.lookup("svc")
assert(pid == nil and err:kind() == errors.NOT_FOUND, "lookup unknown: " .. tostring(err))

-- register self, lookup, send by name
assert(reg.register("svc") == true)
assert(reg.lookup("svc") == me)
assert(reg.register("svc") == true, "same name, same pid again: no-op success")
assert(reg.register("svc", me, reg.LOCAL) == true, "explicit LOCAL scope")
assert(process.send("svc", "by-name", 1) == true)
local m = recv(inbox, "by-name")
assert(m:topic() == "by-name" and m:from() == me)

-- a process may hold several names
assert(reg.register("svc2") == true)
assert(reg.lookup("svc2") == me)

-- another process cannot take a name held by someone else
local c = process.spawn_monitored(function(parent)
  local ok, err = process.registry.register("svc")
  process.send(parent, "conflict", ok, err and err:kind(), err and err:message())
  -- it can send to the name, reaching the holder
  process.send("svc", "via-name", process.pid())
end, nil, me)
m = recv(inbox, "conflict")
local ok, kind, msg = m:payload():data()
assert(ok == nil and kind == errors.ALREADY_EXISTS, "conflict kind: " .. tostring(kind))
assert(msg:find("svc", 1, true), "message names the name: " .. tostring(msg))
m = recv(inbox, "via-name")
assert(m:topic() == "via-name" and m:payload():data() == c)
recv(events, "child exit")

-- unregister: true when held, false otherwise
assert(reg.unregister("svc2") == true)
pid, err = reg.lookup("svc2")
assert(pid == nil and err:kind() == errors.NOT_FOUND)
assert(reg.unregister("svc2") == false, "not registered any more")
assert(reg.unregister("never-registered") == false)
ok, err = process.send("svc2", "x")
assert(ok == nil and err:kind() == errors.NOT_FOUND, "send to an unregistered name")

-- unregister a name held by someone else: false, and the name stays
local holder = process.spawn(function(parent)
  process.registry.register("held")
  process.send(parent, "held")
  process.inbox():receive()
end, nil, me)
recv(inbox, "held")
assert(reg.unregister("held") == false, "cannot unregister another's name")
assert(reg.lookup("held") == holder)

-- names are freed when the holder exits
assert(process.monitor(holder))
process.send("held", "quit")
local ev = recv(events, "holder exit")
assert(ev.kind == "EXIT" and ev.from == holder)
pid, err = reg.lookup("held")
assert(pid == nil and err:kind() == errors.NOT_FOUND, "name freed on exit")
assert(reg.register("held") == true, "a freed name can be taken")
assert(reg.unregister("held") == true)

-- registering another live pid
local other = process.spawn(function() process.inbox():receive() end)
assert(reg.register("other-name", other) == true)
assert(reg.lookup("other-name") == other)
process.send("other-name", "quit")
-- (freed when it exits; wait for it)
assert(process.monitor(other))
recv(events, "other exit")
pid = reg.lookup("other-name")
assert(pid == nil, "foreign registration freed on exit")

-- registering a dead pid fails
ok, err = reg.register("ghost", other)
assert(ok == nil and err:kind() == errors.NOT_FOUND, "dead pid: " .. tostring(err))

-- invalid names
ok, err = reg.register("")
assert(ok == nil and err:kind() == errors.INVALID, "empty name")
ok, err = reg.register(me)
assert(ok == nil and err:kind() == errors.INVALID, "a name that looks like a pid")

-- other scopes are not supported on a standalone runtime
for _, scope in ipairs({reg.EVENTUAL, reg.CONSISTENT, reg.STRONG}) do
  ok, err = reg.register("scoped", nil, scope)
  assert(ok == nil and err ~= nil, "scope " .. tostring(scope) .. " refused")
  assert(reg.unregister("svc", scope) == false, "unregister with the wrong scope")
end
assert(reg.lookup("svc") == me, "still registered")
assert(reg.unregister("svc", reg.LOCAL) == true)
assert(not pcall(reg.register, 42, {}), "bad argument types raise")
