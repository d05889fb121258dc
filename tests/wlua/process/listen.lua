-- process.listen / unlisten: topic routing, raw payloads vs Message
-- objects, fallback to the inbox after unlisten, errors.
local time = require("time")
local me = process.pid()
local inbox = process.inbox()

local function recv(ch, what)
  local r = channel.select{ch:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == ch, "timeout waiting for " .. what)
  return r.value, r.ok
end
local function empty(ch, what)
  local r = channel.select{ch:case_receive(), default = true}
  assert(r.default, what .. " should be empty")
end

-- default: the payload data itself (the first value)
local nums = process.listen("num")
process.send(me, "num", 1)
process.send(me, "other", "to inbox")
process.send(me, "num", 2, "extra")
process.send(me, "num", {k = "v"})
assert(recv(nums, "num 1") == 1)
assert(recv(nums, "num 2") == 2, "a multi-value message yields its first value")
local t = recv(nums, "num 3")
assert(type(t) == "table" and t.k == "v")
local m = recv(inbox, "other")
assert(m:topic() == "other" and m:payload():data() == "to inbox", "unclaimed topics go to the inbox")
empty(inbox, "inbox")

-- {message = true}: Message objects
local full = process.listen("full", {message = true})
process.send(me, "full", "a", "b")
m = recv(full, "full")
assert(type(m) == "userdata" and m:topic() == "full" and m:from() == me)
local a, b = m:payload():data()
assert(a == "a" and b == "b")

-- a listener receives from other processes, in order
process.spawn(function(parent)
  for i = 1, 50 do process.send(parent, "num", i) end
end, nil, me)
for i = 1, 50 do assert(recv(nums, "remote num " .. i) == i) end

-- a second listener on the same topic is an error
local ch2, err = process.listen("num")
assert(ch2 == nil and err ~= nil, "duplicate listen refused")
assert(type(err:kind()) == "string")

-- reserved topics
ch2, err = process.listen("@inbox")
assert(ch2 == nil and err:kind() == errors.INVALID)

-- unlisten: returns true, closes the channel, the topic falls back to inbox
assert(process.unlisten(nums) == true, "unlisten returns true")
local v, ok = nums:receive()
assert(v == nil and ok == false, "an unlistened channel reads as closed")
process.send(me, "num", 99)
m = recv(inbox, "num after unlisten")
assert(m:topic() == "num" and m:payload():data() == 99, "topic falls back to the inbox")
assert(process.unlisten(nums) == false, "second unlisten returns false")

-- the topic can be listened to again
local again = process.listen("num")
assert(again ~= nil and again ~= nums, "a fresh channel")
process.send(me, "num", 5)
assert(recv(again, "num again") == 5)

-- unlisten of a channel that is not a listener
assert(process.unlisten(channel.new()) == false)
assert(not pcall(process.unlisten, "not a channel"), "unlisten needs a channel")

-- a listener channel belongs to the runtime: closing it raises
assert(not pcall(again.close, again), "closing a listener channel raises")

-- a receiver blocked on a listener is woken (closed) by unlisten
local woke = channel.new(1)
coroutine.spawn(function()
  local v, ok = full:receive()
  woke:send({v = v, ok = ok})
end)
time.sleep("10ms")     -- let the coroutine block
assert(process.unlisten(full))
local w = recv(woke, "woken receiver")
assert(w.v == nil and w.ok == false)

-- listening before the message arrives is required: messages that arrived
-- earlier stay in the inbox
process.send(me, "early", 1)
time.sleep("10ms")
local early = process.listen("early")
process.send(me, "early", 2)
assert(recv(early, "early 2") == 2)
m = recv(inbox, "early 1")
assert(m:topic() == "early" and m:payload():data() == 1)
