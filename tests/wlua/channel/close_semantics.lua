-- close: buffered values survive, receivers see nil, false, blocked
-- senders and later sends raise, double close is harmless, select cases
-- on a closed channel. Includes channels.md §6.2.
local time = require("time")

-- §6.2 non-blocking poll and try-send
local ch = channel.new(1)
local r1 = channel.select{ ch:case_receive(), default = true }
assert(r1.default == true and r1.ok == true and r1.channel == nil, "r1 default")
local r2 = channel.select{ ch:case_send("a"), default = true }
assert(r2.channel == ch and r2.value == "a" and r2.ok == true, "r2 sent")
assert(r2.default == nil)
local r3 = channel.select{ ch:case_send("b"), default = true }
assert(r3.default == true, "r3 buffer full")
ch:close()
local v, ok = ch:receive()
assert(v == "a" and ok == true, "buffered value survives close")
local v2, ok2 = ch:receive()
assert(v2 == nil and ok2 == false, "then nil, false")
local r4 = channel.select{ ch:case_receive() }
assert(r4.channel == ch and r4.ok == false and r4.value == nil, "r4 closed")
local okc, errc = pcall(ch.send, ch, "c")
assert(okc == false, "send on closed raises")
assert(tostring(errc):find("closed", 1, true), "error about a closed channel: " .. tostring(errc))

-- receive again and again on a closed channel
for i = 1, 3 do
  local x, o = ch:receive()
  assert(x == nil and o == false)
end

-- close twice: no error
ch:close()
assert(pcall(ch.close, ch))

-- blocked receivers are woken with nil, false
local u = channel.new()
local results = channel.new(3)
for i = 1, 3 do
  coroutine.spawn(function()
    local x, o = u:receive()
    results:send({x = x, o = o})
  end)
end
time.sleep("1ms")
u:close()
for i = 1, 3 do
  local res = results:receive()
  assert(res.x == nil and res.o == false, "woken receiver sees closure")
end

-- blocked senders are woken with the error
local s = channel.new()
local errs = channel.new(2)
for i = 1, 2 do
  coroutine.spawn(function()
    local okk, e = pcall(s.send, s, i)
    errs:send({ok = okk, e = tostring(e)})
  end)
end
time.sleep("1ms")
s:close()
for i = 1, 2 do
  local res = errs:receive()
  assert(res.ok == false and res.e:find("closed", 1, true), "woken sender raises: " .. res.e)
end

-- a blocked select with a receive case is woken by close
local w = channel.new()
local sel = channel.new(1)
coroutine.spawn(function()
  sel:send(channel.select{w:case_receive()})
end)
time.sleep("1ms")
w:close()
local sr = sel:receive()
assert(sr.channel == w and sr.ok == false and sr.value == nil)

-- a select send case on a closed channel raises, even with default
local okx, ex = pcall(channel.select, {w:case_send(1)})
assert(not okx and tostring(ex):find("closed", 1, true), "select send on closed raises: " .. tostring(ex))
okx = pcall(channel.select, {w:case_send(1), default = true})
assert(not okx, "select send on closed raises even with default")

-- a buffered channel with several values: all drain after close
local b = channel.new(5)
for i = 1, 5 do b:send(i) end
b:close()
for i = 1, 5 do local x, o = b:receive(); assert(x == i and o) end
assert(select(2, b:receive()) == false)

-- a blocked sender of an unbuffered channel uncaught error propagates:
-- an uncaught send-on-closed error in a spawned coroutine fails the process
local res, err = process.exec(function()
  local c = channel.new()
  coroutine.spawn(function() c:send(1) end)
  require("time").sleep("1ms")
  c:close()
  require("time").sleep("1ms")
  return "survived"
end)
assert(res == nil and err ~= nil and tostring(err):find("closed", 1, true), "coroutine error ends the process: " .. tostring(err))
