-- A pool of worker processes sharing out a job list, with a supervisor
-- noticing a crash: run with `wlua examples/workers.lua`.
--
-- Each worker is its own process (own heap, preemptible); the main process
-- hands out work by message and collects results on its inbox.

local time = require("time")

local function worker(boss)
  local inbox = process.inbox()
  process.send(boss, "ready")
  while true do
    local msg = inbox:receive()
    if msg:topic() == "stop" then return end
    local n = msg:payload():data()
    if n == 13 then error("unlucky number") end   -- a crash, on purpose
    local sum = 0
    for i = 1, n * 1000 do sum = sum + i % 7 end
    process.send(boss, "result", n, sum)
  end
end

local jobs = {}
for i = 1, 20 do jobs[i] = i end

local workers, ready = {}, process.inbox()
local events = process.events()
for i = 1, 4 do workers[i] = process.spawn_monitored(worker, nil, process.pid()) end

local done, crashed, next_job = 0, 0, 1
while done + crashed < #jobs do
  local r = channel.select{ ready:case_receive(), events:case_receive(),
                            time.after("5s"):case_receive() }
  if r.channel == events then
    local ev = r.value
    crashed = crashed + 1
    print(("worker %s crashed: %s"):format(ev.from, ev.result.error:message()))
    local pid = process.spawn_monitored(worker, nil, process.pid())   -- replace it
    workers[#workers + 1] = pid
  elseif r.channel == ready then
    local msg = r.value
    if msg:topic() == "result" then
      local n, sum = msg:payload():data()
      done = done + 1
      print(("job %2d -> %d"):format(n, sum))
    end
    if next_job <= #jobs then
      process.send(msg:from(), "job", jobs[next_job])
      next_job = next_job + 1
    end
  else
    error("workers stopped answering")
  end
end
for _, pid in ipairs(workers) do process.send(pid, "stop") end
print(("%d jobs done, %d crashed"):format(done, crashed))
