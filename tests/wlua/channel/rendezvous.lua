-- channels.md §6.3: unbuffered rendezvous ordering. The spawned coroutine
-- starts only when main blocks.
local ch = channel.new()        -- size 0
local log = {}
coroutine.spawn(function()
    table.insert(log, "before send")
    ch:send(1)                  -- waits for the receiver
    table.insert(log, "after send")
end)
table.insert(log, "before receive")
local x = ch:receive()
assert(x == 1)
assert(log[1] == "before receive", "main runs first: " .. tostring(log[1]))
assert(log[2] == "before send")
-- the receiver was already waiting, so the send completed at once and the
-- coroutine ran on to its end before main resumed
assert(log[3] == "after send", tostring(log[3]))

-- the other way round: the receiver arrives second, the sender waits
local ch2 = channel.new()
local log2 = {}
coroutine.spawn(function()
  table.insert(log2, "receiver start")
  local v = ch2:receive()
  table.insert(log2, "received " .. v)
end)
table.insert(log2, "main sends")
ch2:send("v")                 -- blocks: the coroutine has not run yet
table.insert(log2, "main after send")
-- (tasks of one process switch only when the running one blocks)
assert(table.concat(log2, ",") == "main sends,receiver start,received v,main after send",
  table.concat(log2, ","))

-- ping-pong between two coroutines over unbuffered channels
local ping, pong = channel.new(), channel.new()
local trace = {}
coroutine.spawn(function()
  for i = 1, 3 do
    local v = ping:receive()
    trace[#trace + 1] = "got " .. v
    pong:send(v + 1)
  end
end)
local v = 0
for i = 1, 3 do
  ping:send(v)
  v = pong:receive()
  trace[#trace + 1] = "back " .. v
end
assert(v == 3)
assert(table.concat(trace, ",") == "got 0,back 1,got 1,back 2,got 2,back 3", table.concat(trace, ","))
