-- process.pid / process.id, PID properties, and the constant tables.
local time = require("time")

local me = process.pid()
assert(type(me) == "string" and #me > 0, "pid is a non-empty string")
assert(process.pid() == me, "pid is stable")
local fid = process.id()
assert(type(fid) == "string" and #fid > 0, "id is a non-empty string")

-- event kinds and registry scope constants
for _, k in ipairs({"CANCEL", "EXIT", "LINK_DOWN", "OUTDATED"}) do
  assert(process.event[k] == k, "process.event." .. k .. " = " .. tostring(process.event[k]))
end
assert(process.registry.LOCAL ~= nil, "registry.LOCAL exists")
for _, k in ipairs({"EVENTUAL", "CONSISTENT", "STRONG"}) do
  assert(process.registry[k] ~= nil, "registry." .. k .. " exists")
  assert(process.registry[k] ~= process.registry.LOCAL, k .. " differs from LOCAL")
end

-- PIDs of children: distinct, usable as table keys, sendable, and the
-- child's own process.pid() equals what spawn returned.
local seen = {[me] = true}
local kids = {}
for i = 1, 20 do
  local pid = process.spawn(function(parent)
    process.send(parent, "hello", process.pid(), process.id())
  end, nil, me)
  assert(type(pid) == "string", "spawn returns a string pid")
  assert(not seen[pid], "pids are unique: " .. pid)
  seen[pid] = true
  kids[#kids + 1] = pid
end
local inbox = process.inbox()
local got = {}
for i = 1, #kids do
  local r = channel.select{inbox:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == inbox, "timeout waiting for hello " .. i)
  local msg = r.value
  assert(msg:topic() == "hello")
  local pid, id = msg:payload():data()
  assert(msg:from() == pid, "msg:from() equals the child's process.pid()")
  assert(seen[pid] and pid ~= me, "child pid is one spawn returned")
  assert(type(id) == "string", "child id is a string")
  got[pid] = true
end
for _, pid in ipairs(kids) do assert(got[pid], "heard from " .. pid) end

-- a pid of a process that has exited is never reused
for i = 1, 5 do
  local pid = process.spawn(function() end)
  assert(not seen[pid], "pid never reused")
  seen[pid] = true
end
