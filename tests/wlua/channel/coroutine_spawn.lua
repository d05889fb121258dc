-- coroutine.spawn: runs inside the process when the caller blocks, takes
-- extra arguments, shares memory; an uncaught error fails the process;
-- coroutines are abandoned when main returns; manual coroutines and
-- blocking operations.
local time = require("time")

-- first runs when the caller blocks; arguments are passed
local log = {}
local ret = coroutine.spawn(function(a, b) log[#log + 1] = "co " .. a .. b end, "x", "y")
log[#log + 1] = "main"
assert(#log == 1, "spawned coroutine has not run yet")
time.sleep("1ms")
assert(log[2] == "co xy", "ran after main blocked: " .. tostring(log[2]))

-- shared memory: upvalues and tables
local counter = 0
local done = channel.new(10)
for i = 1, 10 do
  coroutine.spawn(function() counter = counter + i; done:send(true) end)
end
for i = 1, 10 do done:receive() end
assert(counter == 55)

-- many coroutines blocked at once, each resumed with its own value
local chans = {}
local results = channel.new(100)
for i = 1, 100 do
  chans[i] = channel.new()
  coroutine.spawn(function() results:send(chans[i]:receive() * 2) end)
end
time.sleep("1ms")
for i = 100, 1, -1 do chans[i]:send(i) end
local sum = 0
for i = 1, 100 do sum = sum + results:receive() end
assert(sum == 2 * 5050)

-- a spawned coroutine may spawn others, sleep, and use process APIs
local me = process.pid()
coroutine.spawn(function()
  coroutine.spawn(function()
    time.sleep("2ms")
    process.send(me, "nested")
  end)
end)
assert(process.inbox():receive():topic() == "nested")

-- argument checks
assert(not pcall(coroutine.spawn, 42), "needs a function")
assert(not pcall(coroutine.spawn), "needs a function")

-- the standard coroutine library still works, including blocking
-- operations inside a manually resumed coroutine (they suspend the whole
-- process and resume transparently)
local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i) end
end)
assert(gen() == 1 and gen() == 2 and gen() == 3)
local co = coroutine.create(function(x)
  time.sleep("1ms")                  -- a runtime block inside resume
  local y = coroutine.yield(x + 1)   -- a user yield
  local c = channel.new(1); c:send(y); return c:receive() * 10
end)
local ok, v = coroutine.resume(co, 1)
assert(ok and v == 2, "yielded through a runtime block: " .. tostring(v))
ok, v = coroutine.resume(co, 5)
assert(ok and v == 50 and coroutine.status(co) == "dead")

-- a user yield with no user resumer inside a spawned coroutine raises
-- (checked in a child process: the error fails it)
local r, err = process.exec(function()
  coroutine.spawn(function() coroutine.yield(1) end)
  require("time").sleep("5ms")
  return "not failed"
end)
assert(r == nil and err ~= nil, "stray yield fails the process")

-- an uncaught error in a spawned coroutine fails the whole process,
-- with that error as the exit reason
r, err = process.exec(function()
  coroutine.spawn(function() error("coroutine boom") end)
  require("time").sleep("1h")
  return "unreachable"
end)
assert(r == nil and err:message():find("coroutine boom", 1, true), "exit reason: " .. tostring(err))
r, err = process.exec(function()
  coroutine.spawn(function() error(errors.new({message = "typed", kind = errors.CONFLICT})) end)
  channel.new():receive()
end)
assert(r == nil and err:kind() == errors.CONFLICT)

-- a monitor sees it as an abnormal EXIT
local events = process.events()
local child = process.spawn_monitored(function()
  coroutine.spawn(function() require("time").sleep("1ms"); error("late coroutine boom") end)
  channel.new():receive()
end)
local sel = channel.select{events:case_receive(), time.after("5s"):case_receive()}
assert(sel.channel == events and sel.value.from == child and sel.value.result.error ~= nil)

-- coroutines still running or blocked when main returns are abandoned:
-- the process ends normally with main's value
r, err = process.exec(function()
  coroutine.spawn(function() channel.new():receive() end)             -- blocked forever
  coroutine.spawn(function() require("time").sleep("1h") end)         -- sleeping
  coroutine.spawn(function() while true do require("time").sleep("1ms") end end)
  require("time").sleep("2ms")
  return "main returned"
end)
assert(err == nil and r == "main returned", "abandoned: " .. tostring(err))
-- a coroutine that never got to run is abandoned too
r = process.exec(function()
  coroutine.spawn(function() error("never runs") end)
  return "early"
end)
assert(r == "early", "a coroutine that never ran cannot fail the process")
