-- Spawns N idle processes (default 1,000,000). Each sends "up" to main
-- once it runs, then blocks in its inbox forever; main waits for every
-- "up", reads VmRSS, prints one line and ends (which ends the program).
--   wlua --workers 2 benches/processes/spawn.lua [N]
-- Prints: spawn impl=wlua n=N spawn_secs=S ready_secs=R rate=N/R
--         rss_before_kb=A rss_after_kb=B bytes_per_process=(B-A)*1024/N
-- Times come from /proc/uptime (10 ms steps); rss from /proc/self/status.
local N = math.tointeger(tonumber(arg[1])) or 1000000

local function now()
  local f = assert(io.open("/proc/uptime"))
  local t = f:read("n")
  f:close()
  return t
end

local function rss_kb()
  for line in io.lines("/proc/self/status") do
    local v = line:match("^VmRSS:%s+(%d+)")
    if v then return tonumber(v) end
  end
end

-- A global function: its only upvalue is _ENV, so it can be spawned.
function idle(parent)
  process.send(parent, "up")
  process.inbox():receive()
end

collectgarbage()
local me = process.pid()
local inbox = process.inbox()
local rss0 = rss_kb()
local t0 = now()
for _ = 1, N do
  process.spawn(idle, nil, me)
end
local t1 = now()
for _ = 1, N do
  inbox:receive()
end
local t2 = now()
collectgarbage()
local rss1 = rss_kb()
print(string.format(
  "spawn impl=wlua n=%d spawn_secs=%.2f ready_secs=%.2f rate=%.0f rss_before_kb=%d rss_after_kb=%d bytes_per_process=%.0f",
  N, t1 - t0, t2 - t0, N / (t2 - t0), rss0, rss1, (rss1 - rss0) * 1024 / N))
