-- EXIT events from monitors: shapes for every way a process ends;
-- monitor/unmonitor after the fact; monitoring a dead pid.
local time = require("time")
local events = process.events()
local E = process.event

local function next_event(what)
  local r = channel.select{events:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == events, "timeout waiting for " .. what)
  return r.value
end

local function check_exit(ev, from, what)
  assert(type(ev) == "table", what .. ": event is a table")
  assert(ev.kind == E.EXIT, what .. ": kind EXIT, got " .. tostring(ev.kind))
  assert(ev.type == ev.kind, what .. ": type mirrors kind")
  assert(ev.from == from, what .. ": from is the child")
  assert(type(ev.result) == "table", what .. ": result table")
  assert(ev.reason == nil, what .. ": no reason on EXIT")
end

-- 1. normal return: value = first return value, no error
local p = process.spawn_monitored(function() return {answer = 42}, nil, "ignored" end)
local ev = next_event("normal")
check_exit(ev, p, "normal")
assert(type(ev.result.value) == "table" and ev.result.value.answer == 42, "first return value")
assert(ev.result.error == nil, "no error on normal exit")

-- 2. return with no values
p = process.spawn_monitored(function() end)
ev = next_event("empty return")
check_exit(ev, p, "empty return")
assert(ev.result.value == nil and ev.result.error == nil)

-- 3. return nil, err: abnormal, error carried as is
p = process.spawn_monitored(function()
  return nil, errors.new({message = "soft failure", kind = errors.CONFLICT})
end)
ev = next_event("nil, err")
check_exit(ev, p, "nil, err")
assert(ev.result.value == nil)
assert(ev.result.error ~= nil, "error present")
assert(ev.result.error:kind() == errors.CONFLICT, "kind kept: " .. tostring(ev.result.error))
assert(ev.result.error:message() == "soft failure")
assert(tostring(ev.result.error) == "soft failure [CONFLICT]")

-- 4. return value, err (non-nil second value): abnormal, value kept
p = process.spawn_monitored(function() return 7, "plain string error" end)
ev = next_event("value, err")
check_exit(ev, p, "value, err")
assert(ev.result.value == 7, "value kept: " .. tostring(ev.result.value))
assert(ev.result.error ~= nil)
assert(tostring(ev.result.error):find("plain string error", 1, true), tostring(ev.result.error))

-- 5. uncaught error with a string: an error object whose message is the text
p = process.spawn_monitored(function() error("kaboom") end)
ev = next_event("error string")
check_exit(ev, p, "error string")
assert(ev.result.value == nil)
local e = ev.result.error
assert(type(e) == "userdata", "error object, got " .. type(e))
assert(e:message():find("kaboom", 1, true), "message: " .. e:message())
assert(type(e:kind()) == "string")

-- 6. uncaught errors value: kind and message survive
p = process.spawn_monitored(function()
  error(errors.new({message = "no such user", kind = errors.NOT_FOUND}))
end)
ev = next_event("error object")
check_exit(ev, p, "error object")
assert(ev.result.error:kind() == errors.NOT_FOUND)
assert(ev.result.error:message() == "no such user")

-- 7. error with a non-string value (a table)
p = process.spawn_monitored(function() error({code = 1}) end)
ev = next_event("error table")
check_exit(ev, p, "error table")
assert(ev.result.error ~= nil, "some error for a table error value")

-- 8. monitor after the fact
local blocker = process.spawn(function()
  process.inbox():receive()
  return "released"
end)
assert(process.monitor(blocker) == true, "monitor returns true")
process.send(blocker, "go")
ev = next_event("late monitor")
check_exit(ev, blocker, "late monitor")
assert(ev.result.value == "released")

-- 9. unmonitor: no EXIT afterwards
local quiet = process.spawn_monitored(function()
  process.inbox():receive()
end)
assert(process.unmonitor(quiet) == true, "unmonitor returns true")
process.send(quiet, "go")
-- a fresh monitored process that exits later: its EXIT must be the next event
local later = process.spawn_monitored(function()
  require("time").sleep("50ms")
  return "later"
end)
ev = next_event("after unmonitor")
check_exit(ev, later, "after unmonitor (no EXIT from the unmonitored one)")
assert(ev.result.value == "later")

-- 10. monitoring a dead pid delivers an immediate EXIT with an error
local dead = process.spawn_monitored(function() end)
next_event("dead exits")
assert(process.monitor(dead) == true)
ev = next_event("monitor dead")
check_exit(ev, dead, "monitor dead")
assert(ev.result.error ~= nil, "noproc error")
assert(ev.result.error:kind() == errors.NOT_FOUND, "noproc kind: " .. tostring(ev.result.error))

-- 11. monitoring oneself is refused; unknown names are NOT_FOUND
local ok, err = process.monitor(process.pid())
assert(ok == nil and err:kind() == errors.INVALID, "self monitor: " .. tostring(err))
ok, err = process.monitor("no-such-registered-name")
assert(ok == nil and err:kind() == errors.NOT_FOUND)
ok, err = process.unmonitor("no-such-registered-name")
assert(ok == nil and err:kind() == errors.NOT_FOUND)

-- 12. a monitor established with the spawn sees even an instant failure
for i = 1, 20 do
  local q = process.spawn_monitored(function() error("instant") end)
  ev = next_event("instant " .. i)
  check_exit(ev, q, "instant " .. i)
  assert(ev.result.error ~= nil)
end

-- no stray events left
local r = channel.select{events:case_receive(), default = true}
assert(r.default, "no further events")
