-- A ring of N processes (default 10,000) passes a token M times round
-- (default 100), N*M hops. Main spawns the nodes, tells each its
-- successor, starts the token and waits for the node that sees it reach 0.
--   wlua --workers 2 benches/processes/ring.lua [N] [M]
-- Prints: ring impl=wlua n=N rounds=M hops=N*M setup_secs=S pass_secs=P
--         total_secs=T hops_per_sec=N*M/P
-- Times come from /proc/uptime (10 ms steps).
local N = math.tointeger(tonumber(arg[1])) or 10000
local M = math.tointeger(tonumber(arg[2])) or 100

local function now()
  local f = assert(io.open("/proc/uptime"))
  local t = f:read("n")
  f:close()
  return t
end

function node(main)
  local inbox = process.inbox()
  local nxt = inbox:receive():payload():data()
  while true do
    local c = inbox:receive():payload():data()
    if c == 0 then
      process.send(main, "done", 0)
    else
      process.send(nxt, "token", c - 1)
    end
  end
end

local me = process.pid()
local inbox = process.inbox()
local t0 = now()
local pids = {}
for i = 1, N do
  pids[i] = process.spawn(node, nil, me)
end
for i = 1, N do
  process.send(pids[i], "next", pids[i % N + 1])
end
local t1 = now()
process.send(pids[1], "token", N * M)
local m = inbox:receive()
local t2 = now()
assert(m:topic() == "done")
print(string.format(
  "ring impl=wlua n=%d rounds=%d hops=%d setup_secs=%.2f pass_secs=%.2f total_secs=%.2f hops_per_sec=%.0f",
  N, M, N * M, t1 - t0, t2 - t1, t2 - t0, N * M / (t2 - t1)))
