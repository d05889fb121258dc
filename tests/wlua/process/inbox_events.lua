-- inbox()/events(): same channel each time, buffering before first use,
-- runtime channels cannot be closed, select over both.
local time = require("time")
local me = process.pid()

-- messages sent before the first inbox() call are buffered
process.send(me, "before", 1)
process.send(me, "before", 2)
local c = process.spawn_monitored(function() end)
time.sleep("20ms")         -- the EXIT arrives before events() is called
local inbox = process.inbox()
local events = process.events()
assert(process.inbox() == inbox, "inbox() returns the same channel")
assert(process.events() == events, "events() returns the same channel")
assert(inbox ~= events)
assert(inbox:receive():payload():data() == 1)
assert(inbox:receive():payload():data() == 2)
local ev = events:receive()
assert(ev.kind == process.event.EXIT and ev.from == c, "EXIT buffered before events()")

-- runtime channels refuse close
local ok, err = pcall(inbox.close, inbox)
assert(not ok and tostring(err):find("inbox", 1, true), "closing the inbox raises: " .. tostring(err))
ok, err = pcall(events.close, events)
assert(not ok and tostring(err):find("events", 1, true), "closing events raises: " .. tostring(err))
-- and stay usable
process.send(me, "still", "open")
assert(inbox:receive():topic() == "still")

-- one select over inbox and events identifies the source by channel
local child = process.spawn_monitored(function(parent)
  process.send(parent, "hello")
end, nil, me)
local got = {}
for i = 1, 2 do
  local r = channel.select{inbox:case_receive(), events:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == inbox or r.channel == events, "timeout")
  assert(r.ok == true)
  if r.channel == inbox then
    assert(r.value:topic() == "hello" and r.value:from() == child)
    got.msg = true
  else
    assert(r.value.kind == "EXIT" and r.value.from == child)
    got.exit = true
  end
end
assert(got.msg and got.exit)

-- many messages buffered while the process is busy are all kept, in order
for i = 1, 2000 do process.send(me, "bulk", i) end
for i = 1, 2000 do
  local m = inbox:receive()
  assert(m:payload():data() == i, "bulk order")
end

-- the inbox of a spawned process buffers messages sent before it asks
local p = process.spawn(function(parent)
  require("time").sleep("30ms")
  local ib = process.inbox()
  local n = 0
  for i = 1, 3 do n = n + ib:receive():payload():data() end
  process.send(parent, "sum", n)
end, nil, me)
for i = 1, 3 do process.send(p, "n", i) end
local r = channel.select{inbox:case_receive(), time.after("5s"):case_receive()}
assert(r.channel == inbox and r.value:payload():data() == 6)
