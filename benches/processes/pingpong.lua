-- Ping-pong between two processes: main sends "ping" with a counter to a
-- spawned echo process and waits for the "pong" before sending the next,
-- N round trips (default 1,000,000), so 2N messages.
--   wlua --workers 2 benches/processes/pingpong.lua [N]
-- Prints: pingpong impl=wlua n=N messages=2N secs=S msgs_per_sec=2N/S
-- Time comes from /proc/uptime (10 ms steps).
local N = math.tointeger(tonumber(arg[1])) or 1000000

local function now()
  local f = assert(io.open("/proc/uptime"))
  local t = f:read("n")
  f:close()
  return t
end

function pong()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    if m:topic() == "stop" then return end
    process.send(m:from(), "pong", m:payload():data())
  end
end

local p = process.spawn(pong, nil)
local inbox = process.inbox()
local sum = 0
local t0 = now()
for i = 1, N do
  process.send(p, "ping", i)
  sum = sum + inbox:receive():payload():data()
end
local t1 = now()
process.send(p, "stop")
assert(sum == N * (N + 1) // 2, "lost or wrong replies")
print(string.format("pingpong impl=wlua n=%d messages=%d secs=%.2f msgs_per_sec=%.0f",
  N, 2 * N, t1 - t0, 2 * N / (t1 - t0)))
