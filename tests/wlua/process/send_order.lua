-- Per-sender ordering, interleaving of several senders, self sends,
-- payload arity, and send's error results.
local time = require("time")
local inbox = process.inbox()
local me = process.pid()

local function recv(what)
  local r = channel.select{inbox:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == inbox, "timeout waiting for " .. what)
  return r.value
end

-- self send: ordered, all payload arities
assert(process.send(me, "a") == true, "send returns true")
assert(process.send(me, "b", 1) == true)
assert(process.send(me, "c", 1, "two", 3.0) == true)
assert(process.send(me, "d", nil, nil, 3) == true)
local m = recv("a"); assert(m:topic() == "a" and select("#", m:payload():data()) == 0, "no payload values")
m = recv("b"); assert(m:topic() == "b" and m:payload():data() == 1)
m = recv("c")
local x, y, z = m:payload():data()
assert(m:topic() == "c" and select("#", m:payload():data()) == 3, "three values")
assert(x == 1 and math.type(x) == "integer" and y == "two" and z == 3.0 and math.type(z) == "float")
m = recv("d")
assert(select("#", m:payload():data()) == 3, "nils in the payload are kept")
local a, b, c = m:payload():data()
assert(a == nil and b == nil and c == 3)
assert(m:from() == me, "from is the sender")

-- 4 senders x 300 messages each: every sender's messages arrive in order
local N, S = 300, 4
for s = 1, S do
  process.spawn(function(parent, id, n)
    for i = 1, n do process.send(parent, "seq", id, i) end
  end, "app:processes", me, s, N)
end
local last = {}
for s = 1, S do last[s] = 0 end
for k = 1, N * S do
  local msg = recv("seq " .. k)
  assert(msg:topic() == "seq")
  local id, i = msg:payload():data()
  assert(i == last[id] + 1, ("sender %d: got %d after %d"):format(id, i, last[id]))
  last[id] = i
end
for s = 1, S do assert(last[s] == N, "sender " .. s .. " delivered everything") end

-- errors: reserved topics, unknown names, bad argument types
local ok, err = process.send(me, "@inbox", 1)
assert(ok == nil and err ~= nil, "@ topic refused")
assert(err:kind() == errors.INVALID, "kind INVALID, got " .. tostring(err))
ok, err = process.send(me, "@whatever")
assert(not ok and err:kind() == "INVALID")
ok, err = process.send("no-such-name-xyz", "t")
assert(ok == nil and err:kind() == errors.NOT_FOUND, "unknown name: " .. tostring(err))
assert(err:message():find("no-such-name-xyz", 1, true), "message names the name: " .. err:message())
assert(not pcall(process.send, me), "topic required")
assert(not pcall(process.send, 42, "t"), "destination must be a string")

-- sending to a dead pid succeeds silently (fire-and-forget)
local dead = process.spawn_monitored(function() end)
local ev = process.events():receive()
assert(ev.kind == process.event.EXIT and ev.from == dead)
assert(process.send(dead, "late", 1) == true, "send to a dead pid is not an error")

-- the dropped message must not show up anywhere
local r = channel.select{inbox:case_receive(), default = true}
assert(r.default, "inbox empty")
