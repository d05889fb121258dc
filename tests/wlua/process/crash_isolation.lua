-- A failing process affects nobody it is not linked to: siblings and the
-- parent keep running, nothing is printed, memory and globals are private.
local time = require("time")
local me = process.pid()
local inbox = process.inbox()
local events = process.events()

local function recv(ch, what)
  local r = channel.select{ch:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == ch, "timeout waiting for " .. what)
  return r.value
end

-- a long-lived sibling that answers pings
local echo = process.spawn(function()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "pong", m:payload():data())
  end
end)

-- crash many unmonitored, unlinked processes in several ways
for i = 1, 30 do
  local k = i % 5
  if k == 0 then
    process.spawn(function() error("plain crash") end)
  elseif k == 1 then
    process.spawn(function() local t = nil; return t.field end)        -- runtime error
  elseif k == 2 then
    process.spawn(function() error(errors.new("object crash")) end)
  elseif k == 3 then
    process.spawn(function() return nil, "soft crash" end)
  else
    process.spawn(function() local function f() return f() + 1 end f() end) -- stack overflow
  end
end

-- a crash while another process is in the middle of talking to us
local talker = process.spawn_monitored(function(parent)
  for i = 1, 10 do process.send(parent, "talk", i) end
  error("crash after talking")
end, nil, me)
for i = 1, 10 do
  local m = recv(inbox, "talk " .. i)
  assert(m:topic() == "talk" and m:payload():data() == i, "messages sent before a crash are delivered")
end
local ev = recv(events, "talker exit")
assert(ev.from == talker and ev.result.error ~= nil)

-- the sibling is unaffected
for i = 1, 5 do
  process.send(echo, "ping", i)
  local m = recv(inbox, "pong " .. i)
  assert(m:topic() == "pong" and m:payload():data() == i)
end

-- a child that corrupts its own globals and standard library does not
-- affect ours
process.exec(function()
  string = nil
  table.insert = nil
  _G.print = function() error("hijacked") end
  return true
end)
assert(type(string.format) == "function" and type(table.insert) == "function")
assert(pcall(tostring, 1))

-- a child that exhausts a lot of memory and fails still leaves us intact
local r, err = process.exec(function()
  local t = {}
  for i = 1, 100000 do t[i] = {i} end
  error("big then crash")
end)
assert(r == nil and err:message():find("big then crash", 1, true))

-- a stack overflow in a child is an ordinary error for its monitor
local so = process.spawn_monitored(function() local function f() return 1 + f() end return f() end)
ev = recv(events, "stack overflow exit")
assert(ev.from == so and ev.result.error ~= nil)
assert(ev.result.error:message():find("stack overflow", 1, true), ev.result.error:message())

-- still alive and well
process.send(echo, "ping", "last")
assert(recv(inbox, "last pong"):payload():data() == "last")
