-- Regression: a call (native or Lua) that happens exactly when a process's
-- time slice runs out must still run. Loops of one call per iteration are
-- preempted at every possible instruction offset.
local time = require("time")
local me = process.pid()
local inbox = process.inbox()

-- blocking natives called in a tight loop (inbox receive + time.after)
process.spawn(function(parent)
  for i = 1, 3000 do process.send(parent, "n", i) end
end, nil, me)
for k = 1, 3000 do
  local a = time.after("5s")
  local v = inbox:receive()
  assert(type(v) == "userdata", "iteration " .. k .. ": got " .. type(v))
  assert(v:payload():data() == k)
end

-- a select in a tight loop
process.spawn(function(parent)
  for i = 1, 3000 do process.send(parent, "n", i) end
end, nil, me)
local other = channel.new()
for k = 1, 3000 do
  local r = channel.select{inbox:case_receive(), other:case_receive()}
  assert(type(r) == "table" and r.channel == inbox, "select " .. k .. " returned " .. type(r))
end

-- plain Lua and native calls whose results are checked every time
local function id(x) return x end
for pad = 0, 7 do
  local s = 0
  for i = 1, 20000 do
    local v = id(i)
    if pad > 3 then s = s + 0 end
    assert(v == i, "lua call skipped at " .. i)
    local m = math.max(i, 0)
    assert(m == i, "native call skipped at " .. i)
  end
end
