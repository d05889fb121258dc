-- Helper module for spawn_module.lua (not a test: the harness skips lib/).
local M = {}

-- per-process module state: each process runs this chunk in its own heap
local counter = 0

function M.echo(parent, ...)
  counter = counter + 1
  process.send(parent, "echo", counter, ...)
end

function M.add(a, b)
  return a + b
end

function M.fail(msg)
  error(msg, 0)
end

function M.fail_soft(msg)
  return nil, errors.new({message = msg, kind = errors.CONFLICT})
end

-- not a function: spawning "lib.worker:data" must fail
M.data = 42

return M
