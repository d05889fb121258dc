-- Message and Payload objects.
local inbox = process.inbox()
local me = process.pid()

process.send(me, "greet", "hi", {list = {1, 2, 3}}, 7)
local m = inbox:receive()
assert(type(m) == "userdata", "a message is a userdata")
assert(m:topic() == "greet")
assert(m:from() == me)
local p = m:payload()
assert(type(p) == "userdata", "payload wrapper")
local s, t, n = p:data()
assert(s == "hi" and t.list[3] == 3 and #t.list == 3 and n == 7)
-- data() may be called again and gives the same values
local s2, t2 = m:payload():data()
assert(s2 == "hi" and t2.list[2] == 2)
assert(p:get_format() == "lua/any", "default format: " .. tostring(p:get_format()))

-- methods refuse other receivers
assert(not pcall(m.topic, {}), "topic() on a non-message raises")
assert(not pcall(p.data, m), "data() on a message (not a payload) raises")

-- a message object is a value: it can be kept, put in tables, sent on a
-- channel inside the process
local keep = {}
for i = 1, 3 do process.send(me, "n" .. i, i) end
for i = 1, 3 do keep[i] = inbox:receive() end
local ch = channel.new(3)
for i = 3, 1, -1 do ch:send(keep[i]) end
for i = 3, 1, -1 do
  local msg = ch:receive()
  assert(msg:topic() == "n" .. i and msg:payload():data() == i)
end
