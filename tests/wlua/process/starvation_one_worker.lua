-- BUG (pending): on one worker, processes that keep waking each other
-- (a ping-pong pair, or a process that sends itself a message and then
-- receives it) starve every other process: they are rescheduled on the
-- worker's local queue, which is always served before the global queue
-- where the main process's timer wake-up waits. Main never finishes.
-- args: --workers 1
-- timeout: 10
local time = require("time")
-- a ping-pong pair
local a = process.spawn(function()
  local inbox = process.inbox()
  while true do local m = inbox:receive(); process.send(m:from(), "ping") end
end)
process.spawn(function(a)
  process.send(a, "ping")
  local inbox = process.inbox()
  while true do local m = inbox:receive(); process.send(m:from(), "ping") end
end, nil, a)
-- a self-waking process
process.spawn(function()
  local me = process.pid()
  while true do process.send(me, "spin"); process.inbox():receive() end
end)
-- main must still make progress: sleeps, a ticker, a message round trip
time.sleep("10ms")
local tk = time.ticker("5ms")
for i = 1, 3 do
  local r = channel.select{tk:response():case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == tk:response(), "tick " .. i)
end
local me = process.pid()
process.spawn(function(parent) process.send(parent, "hello") end, nil, me)
local r = channel.select{process.inbox():case_receive(), time.after("5s"):case_receive()}
assert(r.channel == process.inbox(), "message from a fresh process")
