-- CPU-bound processes are preempted: busy loops beside a main that sleeps,
-- uses a ticker and exchanges messages must not stop it making progress.
-- (preemption_one_worker.lua runs this file again with --workers 1.)
local time = require("time")
local me = process.pid()

-- busy processes of several shapes: an empty loop, a loop of calls, a
-- loop that allocates, and deep recursion in a loop
local busy = {
  process.spawn(function() while true do end end),
  process.spawn(function() local function f(x) return x + 1 end local n = 0 while true do n = f(n) end end),
  process.spawn(function() while true do local t = {} for i = 1, 100 do t[i] = {i} end end end),
  process.spawn(function() local function r(n) if n == 0 then return 0 end return 1 + r(n - 1) end while true do r(500) end end),
  process.spawn(function() while true do string.rep("x", 1000):gsub("x", "y") end end),
}

-- 1. sleeping in a loop completes
for i = 1, 5 do time.sleep("5ms") end

-- 2. a ticker keeps ticking
local tk = time.ticker("5ms")
for i = 1, 5 do
  local r = channel.select{tk:response():case_receive(), time.after("10s"):case_receive()}
  assert(r.channel == tk:response(), "tick " .. i .. " arrived")
end
tk:stop()

-- 3. messages to and from another process keep flowing
local echo = process.spawn(function()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "pong", m:payload():data())
  end
end)
local inbox = process.inbox()
for i = 1, 20 do
  process.send(echo, "ping", i)
  local r = channel.select{inbox:case_receive(), time.after("10s"):case_receive()}
  assert(r.channel == inbox and r.value:payload():data() == i, "pong " .. i)
end

-- 4. main polls (sleeping 1ms per round) until a coroutine of its own has
-- received ten messages from another process through a listener
local count = 0
local done = false
local numbers = process.listen("n")
coroutine.spawn(function()
  for i = 1, 10 do count = count + numbers:receive() end
  done = true
end)
process.spawn(function(parent) for i = 1, 10 do process.send(parent, "n", 1) end end, nil, me)
local spins = 0
while not done do
  spins = spins + 1
  time.sleep("1ms")      -- lets the coroutine and the runtime run
end
assert(count == 10)

-- 5. the busy processes are alive and can be terminated
local events = process.events()
for _, p in ipairs(busy) do
  assert(process.monitor(p))
  assert(process.terminate(p) == true)
end
for i = 1, #busy do
  local r = channel.select{events:case_receive(), time.after("10s"):case_receive()}
  assert(r.channel == events and r.value.kind == "EXIT" and r.value.result.error ~= nil)
end

-- 6. main itself busy in pure Lua for a while: a child still gets to run
-- and its message waits for us
local flag = process.spawn(function(parent) process.send(parent, "ran") end, nil, me)
local x = 0
for i = 1, 3000000 do x = x + i end
local r = channel.select{inbox:case_receive(), time.after("10s"):case_receive()}
assert(r.channel == inbox and r.value:topic() == "ran")
