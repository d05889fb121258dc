-- args: --workers 2
-- timeout: 120
-- 10,000 processes in a ring; each sends 100 numbered messages to its
-- successor and receives 100 from its predecessor, checking sender and
-- order, then reports its count to main. Every message is counted: the
-- total must be exactly 1,000,000.
local N, K = 10000, 100

function worker(main, i, n, k)
  local inbox = process.inbox()
  local next_pid, prev_pid
  local got, expect_seq, sent = 0, 1, false
  local prev_i = (i - 2) % n + 1
  while not sent or got < k do
    local m = inbox:receive()
    local topic = m:topic()
    if topic == "setup" then
      next_pid, prev_pid = m:payload():data()
      -- Data may have come before the setup (another sender): check it now.
      assert(got == 0 or seen_from == prev_pid, "data from a stranger")
      for s = 1, k do
        process.send(next_pid, "data", i, s)
      end
      sent = true
    else
      assert(topic == "data", topic)
      local from_i, seq = m:payload():data()
      assert(from_i == prev_i, "message from the wrong process")
      assert(seq == expect_seq, "message out of order")
      if prev_pid then assert(m:from() == prev_pid) else seen_from = m:from() end
      expect_seq = expect_seq + 1
      got = got + 1
    end
  end
  process.send(main, "count", got)
end

local me = process.pid()
local pids = {}
for i = 1, N do
  pids[i] = process.spawn(worker, nil, me, i, N, K)
end
for i = 1, N do
  process.send(pids[i], "setup", pids[i % N + 1], pids[(i - 2) % N + 1])
end
local inbox = process.inbox()
local total, reports = 0, 0
while reports < N do
  local m = inbox:receive()
  assert(m:topic() == "count")
  total = total + m:payload():data()
  reports = reports + 1
end
assert(total == N * K, "counted " .. total .. " messages, expected " .. N * K)
print("OK")
