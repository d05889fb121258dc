-- Children for the supervisor tests.
local M = {}

-- Reports its start to `owner`, then serves: "crash" raises, "quit" returns.
function M.worker(owner, name)
  process.send(owner, "started", name, process.pid())
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    if msg:topic() == "crash" then error("asked to crash") end
    if msg:topic() == "quit" then return "bye" end
  end
end

-- Reports its start and fails at once.
function M.crasher(owner, name)
  process.send(owner, "started", name, process.pid())
  error("crash on start")
end

return M
