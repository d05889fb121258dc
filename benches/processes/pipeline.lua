-- Producer and consumer: main sends N messages (default 1,000,000) to a
-- consumer that does a little work per message and reports the sum; no
-- replies, so the producer runs ahead and the consumer's inbox holds a
-- backlog. Measures one-way throughput and what a backlog costs.
--   wlua --workers 2 benches/processes/pipeline.lua [N]
-- Prints: pipeline impl=wlua n=N secs=S msgs_per_sec=N/S
-- Time comes from /proc/uptime (10 ms steps).
local N = math.tointeger(tonumber(arg[1])) or 1000000

local function now()
  local f = assert(io.open("/proc/uptime"))
  local t = f:read("n")
  f:close()
  return t
end

function consumer(main, n)
  local inbox = process.inbox()
  local sum = 0
  for _ = 1, n do
    sum = sum + inbox:receive():payload():data()
    local s = 0
    for j = 1, 20 do s = s + j end
  end
  process.send(main, "sum", sum)
end

local t0 = now()
local c = process.spawn(consumer, nil, process.pid(), N)
for i = 1, N do
  process.send(c, "x", i)
  local s = 0
  for j = 1, 20 do s = s + j end
end
local sum = process.inbox():receive():payload():data()
local t1 = now()
assert(sum == N * (N + 1) // 2, "lost or wrong messages")
print(string.format("pipeline impl=wlua n=%d secs=%.2f msgs_per_sec=%.0f", N, t1 - t0, N / (t1 - t0)))
