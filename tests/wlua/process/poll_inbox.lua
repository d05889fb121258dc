-- A select with `default` sees messages already in the mailbox (as
-- Erlang's `receive ... after 0`), in order, and a signal that ends the
-- process still ends it after such a poll.
local me = process.pid()
local inbox = process.inbox()
for i = 1, 3 do process.send(me, "n", i) end
for i = 1, 3 do
  local r = channel.select{inbox:case_receive(), default = true}
  assert(r.channel == inbox, "message " .. i .. " visible to a poll")
  assert(r.value:payload():data() == i, "in order")
end
assert(channel.select{inbox:case_receive(), default = true}.default, "then nothing")

-- events: an EXIT already delivered to the mailbox is seen by a poll
local child = process.spawn_monitored(function() end)
local events = process.events()
local seen
for _ = 1, 1000 do
  local r = channel.select{events:case_receive(), default = true}
  if r.channel == events then seen = r.value break end
  require("time").sleep("1ms")
end
assert(seen and seen.kind == process.event.EXIT and seen.from == child)

-- a process busy polling its inbox still dies of a linked failure
local poller = process.spawn_monitored(function()
  local inbox = process.inbox()
  while true do channel.select{inbox:case_receive(), default = true} end
end)
local crasher = process.spawn(function(p)
  process.link(p)
  require("time").sleep("20ms")
  error("crash")
end, nil, poller)
local r = channel.select{events:case_receive(), require("time").after("5s"):case_receive()}
assert(r.channel == events, "the poller was not stopped by its link")
assert(r.value.from == poller and r.value.result.error, "poller exited abnormally")
assert(r.value.result.error:message():find("linked process " .. crasher .. " failed", 1, true),
  r.value.result.error:message())
print("ok")
-- expect-stdout: ok
