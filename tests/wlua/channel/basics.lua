-- channel.new, send/receive on buffered and unbuffered channels, FIFO,
-- nil values, identity, argument checks.
local time = require("time")

-- buffered: FIFO, sends complete while there is room
local ch = channel.new(3)
assert(ch:send(1) == true and ch:send(2) == true and ch:send(3) == true, "send returns true")
local r = channel.select{ch:case_send(4), default = true}
assert(r.default, "buffer full")
local v, ok = ch:receive()
assert(v == 1 and ok == true)
assert(ch:receive() == 2 and ch:receive() == 3)
r = channel.select{ch:case_receive(), default = true}
assert(r.default, "buffer empty")

-- nil is a value, distinguishable from closure
ch:send(nil)
v, ok = ch:receive()
assert(v == nil and ok == true, "nil received with ok = true")

-- any Lua value travels by reference inside a process
local t, f, co = {}, function() end, coroutine.create(function() end)
local other = channel.new()
ch:send(t); ch:send(f); ch:send(co)
assert(ch:receive() == t and ch:receive() == f and ch:receive() == co, "same objects")
ch:send(other)
assert(ch:receive() == other, "channels can travel on channels")

-- default size 0: unbuffered
local u = channel.new()
r = channel.select{u:case_send(1), default = true}
assert(r.default, "no receiver: an unbuffered send cannot complete")
coroutine.spawn(function() u:send("rendezvous") end)
v, ok = u:receive()
assert(v == "rendezvous" and ok)
assert(channel.new(0) ~= nil)

-- identity: a channel equals only itself; usable as a table key
local a, b = channel.new(), channel.new()
assert(a == a and a ~= b)
local set = {[a] = "a", [b] = "b"}
assert(set[a] == "a" and set[b] == "b")
assert(type(a) == "userdata")

-- many values through a small buffer between coroutines
local pipe = channel.new(2)
coroutine.spawn(function()
  for i = 1, 1000 do pipe:send(i) end
  pipe:close()
end)
local sum, n = 0, 0
while true do
  local x, more = pipe:receive()
  if not more then break end
  n = n + 1
  assert(x == n, "in order")
  sum = sum + x
end
assert(n == 1000 and sum == 500500)

-- several blocked senders are served in order
local q = channel.new()
for i = 1, 5 do coroutine.spawn(function() q:send(i) end) end
time.sleep("1ms")   -- all five block
for i = 1, 5 do assert(q:receive() == i, "senders served FIFO") end

-- several blocked receivers are served in order
local got = {}
local done = channel.new(5)
for i = 1, 5 do coroutine.spawn(function() got[i] = q:receive(); done:send(true) end) end
time.sleep("1ms")
for i = 1, 5 do q:send(i * 10) end
for i = 1, 5 do done:receive() end
for i = 1, 5 do assert(got[i] == i * 10, "receivers served FIFO") end

-- argument checks
assert(not pcall(channel.new, -1), "negative size raises")
assert(not pcall(channel.new, 1.5), "non-integer size raises")
assert(not pcall(channel.new, "x"), "non-number size raises")
assert(pcall(channel.new, 2.0), "an integral float is an integer")
assert(not pcall(ch.send, {}, 1), "send on a non-channel raises")
assert(not pcall(ch.receive, 42), "receive on a non-channel raises")
