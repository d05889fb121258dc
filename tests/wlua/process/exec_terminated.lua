-- process.exec of a child that someone else terminates returns nil, err
-- with the CANCELED error; monitoring the same child twice gives one EXIT.
local time = require("time")

coroutine.spawn(function()
  local pid
  repeat time.sleep("1ms"); pid = process.registry.lookup("exec-victim") until pid
  assert(process.terminate(pid))
end)
local r, err = process.exec(function()
  process.registry.register("exec-victim")
  channel.new():receive()
end)
assert(r == nil and err:kind() == errors.CANCELED, "exec of a terminated child: " .. tostring(err))
assert(err:message():find(process.pid(), 1, true), err:message())

-- monitor twice, one EXIT
local events = process.events()
local c = process.spawn(function() process.inbox():receive() end)
assert(process.monitor(c) and process.monitor(c))
process.send(c, "go")
local ev = events:receive()
assert(ev.kind == "EXIT" and ev.from == c)
local s = process.spawn_monitored(function() require("time").sleep("20ms") end)
ev = events:receive()
assert(ev.from == s, "only one EXIT per monitored process")

-- frame ids differ between the coroutines of a process
local ids = {process.id()}
coroutine.spawn(function() ids[2] = process.id() end)
time.sleep("1ms")
assert(type(ids[2]) == "string" and ids[1] ~= ids[2], "frame ids per coroutine")
