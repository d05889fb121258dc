-- Many processes race to register one name: exactly one wins, everyone
-- else gets ALREADY_EXISTS; when the winner exits the name is free again
-- and a second race has exactly one winner too.
local time = require("time")
local me = process.pid()
local inbox = process.inbox()
local events = process.events()

local function recv(ch, what)
  local r = channel.select{ch:case_receive(), time.after("10s"):case_receive()}
  assert(r.channel == ch, "timeout waiting for " .. what)
  return r.value
end

local function race(name, n)
  local pids = {}
  for i = 1, n do
    pids[i] = process.spawn_monitored(function(parent, name)
      local go = process.inbox():receive()    -- start together
      local ok, err = process.registry.register(name)
      process.send(parent, "result", ok == true, err and err:kind())
      if ok then
        process.inbox():receive()               -- hold the name until told
      end
    end, nil, me, name)
  end
  for i = 1, n do process.send(pids[i], "go") end
  local winners, losers, winner = 0, 0, nil
  for i = 1, n do
    local m = recv(inbox, "result " .. i)
    local ok, kind = m:payload():data()
    if ok then
      winners = winners + 1
      winner = m:from()
    else
      assert(kind == errors.ALREADY_EXISTS, "loser kind: " .. tostring(kind))
      losers = losers + 1
    end
  end
  assert(winners == 1, "exactly one winner, got " .. winners)
  assert(losers == n - 1)
  assert(process.registry.lookup(name) == winner, "lookup finds the winner")
  -- the losers have exited; release the winner
  process.send(name, "release")
  for i = 1, n do
    local ev = recv(events, "exit " .. i)
    assert(ev.kind == "EXIT" and ev.result.error == nil)
  end
  local pid, err = process.registry.lookup(name)
  assert(pid == nil and err:kind() == errors.NOT_FOUND, "name freed after the winner exits")
  return winner
end

local w1 = race("the-one", 50)
local w2 = race("the-one", 50)
assert(w1 ~= w2, "a different process won the second race")

-- many names, many processes, each registers its own name: no conflicts
local N = 100
for i = 1, N do
  process.spawn_monitored(function(parent, i)
    local ok = process.registry.register("worker-" .. i)
    process.send(parent, "reg", i, ok == true)
    process.inbox():receive()
  end, nil, me, i)
end
for i = 1, N do
  local m = recv(inbox, "reg " .. i)
  local _, ok = m:payload():data()
  assert(ok, "own name registered")
end
for i = 1, N do
  local pid = process.registry.lookup("worker-" .. i)
  assert(pid, "worker-" .. i .. " registered")
  process.send("worker-" .. i, "quit")
end
for i = 1, N do recv(events, "worker exit " .. i) end
for i = 1, N do
  assert(process.registry.lookup("worker-" .. i) == nil, "worker-" .. i .. " freed")
end
