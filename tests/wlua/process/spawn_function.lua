-- Spawning a Lua function that captures nothing but _ENV; argument
-- copying; hosts.
local time = require("time")
local me = process.pid()
local inbox = process.inbox()

local function recv(what)
  local r = channel.select{inbox:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == inbox, "timeout waiting for " .. what)
  return r.value
end

-- globals and arguments are fine; the child has its own globals
GLOBAL_IN_PARENT = "parent"
local pid = process.spawn(function(parent, a, t)
  -- the child's global table is its own: the parent's global is absent
  process.send(parent, "args", a, t.k, GLOBAL_IN_PARENT == nil, type(string.format))
end, "any:host", me, 5, {k = "v"})
local m = recv("args")
local a, k, fresh_globals, fmt = m:payload():data()
assert(a == 5 and k == "v", "arguments arrive")
assert(fresh_globals, "the child does not see the parent's globals")
assert(fmt == "function", "the child has the standard library")
assert(m:from() == pid)

-- every host string and nil name the single host
for _, host in ipairs({"app:processes", "x", ""}) do
  local p = process.spawn(function(parent, h) process.send(parent, "host", h) end, host, me, host)
  assert(type(p) == "string", "host " .. host)
  assert(recv("host " .. host):payload():data() == host)
end

-- functions capturing upvalues are refused with a clear error
local captured = 1
local ok, err = pcall(process.spawn, function() return captured end, nil)
assert(not ok and tostring(err):find("captured", 1, true), "upvalue named: " .. tostring(err))
-- nested functions inside the spawned one may capture its locals
local p = process.spawn(function(parent)
  local n = 0
  local function inc() n = n + 1 end
  inc(); inc()
  process.send(parent, "nested", n)
end, nil, me)
assert(recv("nested"):payload():data() == 2)

-- arguments are copied: mutation in the child is invisible to the parent
local shared = {n = 1}
process.spawn(function(parent, t) t.n = 99; process.send(parent, "mutated", t.n) end, nil, me, shared)
assert(recv("mutated"):payload():data() == 99)
assert(shared.n == 1, "parent's table untouched")

-- uncopyable arguments raise and name the argument
ok, err = pcall(process.spawn, function() end, nil, 1, {f = print})
assert(not ok and tostring(err):find("argument #2", 1, true) and tostring(err):find("function", 1, true),
  "bad spawn argument named: " .. tostring(err))
