-- Without trap_links a linked failure kills the receiver (cascade); links
-- are bidirectional; a star of children dies with its parent.
local time = require("time")
local events = process.events()
local E = process.event
local me = process.pid()

local function next_event(what)
  local r = channel.select{events:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == events, "timeout waiting for " .. what)
  return r.value
end

-- 1. middle process (not trapping) linked to a failing child dies too
local middle = process.spawn_monitored(function(parent)
  local child = process.spawn_linked(function()
    process.inbox():receive()
    error("leaf failure")
  end)
  process.send(parent, "child", child)
  process.inbox():receive()   -- blocks until the cascade kills it
  return "should not get here"
end, nil, me)
local inbox = process.inbox()
local m = inbox:receive()
local leaf = m:payload():data()
process.send(leaf, "go")
local ev = next_event("middle EXIT")
assert(ev.kind == E.EXIT and ev.from == middle)
assert(ev.result.value == nil, "middle did not return")
local e = ev.result.error
assert(e ~= nil, "middle failed")
assert(e:message():find(leaf, 1, true), "message names the failed linked pid: " .. e:message())
assert(e:message():find("leaf failure", 1, true), "message includes the cause: " .. e:message())

-- 2. bidirectional: the parent fails, the linked child (not trapping) dies
local child_pid
local parent = process.spawn_monitored(function(top)
  local c = process.spawn_linked(function() process.inbox():receive() end)
  process.send(top, "child", c)
  process.inbox():receive()
  error("parent failure")
end, nil, me)
child_pid = inbox:receive():payload():data()
assert(process.monitor(child_pid) == true)
process.send(parent, "go")
local got = {}
for i = 1, 2 do
  ev = next_event("bidirectional " .. i)
  assert(ev.kind == E.EXIT)
  got[ev.from] = ev
end
assert(got[parent] and got[parent].result.error, "parent failed")
assert(got[child_pid] and got[child_pid].result.error, "child died through the link")

-- 3. a star: 5 children linked to a parent all die when it fails, while a
-- trapping child gets LINK_DOWN and reports it.
local star = process.spawn_monitored(function(top)
  local kids = {}
  for i = 1, 5 do
    kids[i] = process.spawn_linked(function() process.inbox():receive() end)
  end
  kids[6] = process.spawn_linked(function(top2)
    process.set_options({trap_links = true})
    process.send(top2, "trapping")
    local ev = process.events():receive()
    process.send(top2, "trapped", ev.kind, ev.from)
  end, nil, top)
  process.send(top, "kids", kids)
  process.inbox():receive()
  error("star center failure")
end, nil, me)
-- "kids" from the center and "trapping" from the sixth child, in either
-- order (two senders): the center must not fail before the child traps.
local kids
for _ = 1, 2 do
  local m = inbox:receive()
  if m:topic() == "kids" then kids = m:payload():data() else assert(m:topic() == "trapping") end
end
assert(#kids == 6)
for i = 1, 5 do assert(process.monitor(kids[i])) end
process.send(star, "go")
local dead = {}
for i = 1, 6 do
  ev = next_event("star " .. i)
  assert(ev.kind == E.EXIT and ev.result.error ~= nil, "abnormal exit")
  dead[ev.from] = true
end
assert(dead[star])
for i = 1, 5 do assert(dead[kids[i]], "star child " .. i .. " died") end
local r = channel.select{inbox:case_receive(), time.after("5s"):case_receive()}
assert(r.channel == inbox, "trapping child reported")
local kind, from = r.value:payload():data()
assert(r.value:topic() == "trapped" and kind == E.LINK_DOWN and from == star)

-- 4. a chain A - B - C: C fails, A dies through B
local a = process.spawn_monitored(function(top)
  local b = process.spawn_linked(function(top2)
    local c = process.spawn_linked(function()
      process.inbox():receive()
      error("end of chain")
    end)
    process.send(top2, "c", c)
    process.inbox():receive()
  end, nil, top)
  process.inbox():receive()
end, nil, me)
local c = inbox:receive():payload():data()
process.send(c, "go")
ev = next_event("chain")
assert(ev.kind == E.EXIT and ev.from == a and ev.result.error ~= nil, "A died through the chain")
