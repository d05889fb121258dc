-- Spawning by entry id "module:function" (module found through
-- package.path, relative to the main script's directory first).
local time = require("time")
local me = process.pid()
local inbox = process.inbox()
local events = process.events()

local function recv(ch, what)
  local r = channel.select{ch:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == ch, "timeout waiting for " .. what)
  return r.value
end

-- module:function with arguments; module state is per process
local a = process.spawn("lib.worker:echo", "app:processes", me, "x", 1)
local b = process.spawn("lib.worker:echo", nil, me, "y", 2)
assert(type(a) == "string" and type(b) == "string" and a ~= b)
local seen = {}
for i = 1, 2 do
  local m = recv(inbox, "echo " .. i)
  assert(m:topic() == "echo")
  local count, tag, n = m:payload():data()
  assert(count == 1, "module state is per process (counter starts fresh), got " .. tostring(count))
  seen[tag] = {from = m:from(), n = n}
end
assert(seen.x.from == a and seen.x.n == 1)
assert(seen.y.from == b and seen.y.n == 2)

-- a module that returns a single function: "module" without ":name"
local s = process.spawn_monitored("lib.single", nil, me, 21)
local m = recv(inbox, "single")
assert(m:topic() == "single" and m:payload():data() == 42 and m:from() == s)
local ev = recv(events, "single EXIT")
assert(ev.kind == "EXIT" and ev.from == s and ev.result.value == 42 and ev.result.error == nil)

-- exec through an entry id
assert(process.exec("lib.worker:add", nil, 2, 3) == 5)

-- failures of the module's function are seen by monitors
local f = process.spawn_monitored("lib.worker:fail", nil, "module boom")
ev = recv(events, "fail EXIT")
assert(ev.from == f and ev.result.error ~= nil)
assert(tostring(ev.result.error):find("module boom", 1, true), tostring(ev.result.error))

-- an unknown module: nil, err NOT_FOUND
local pid, err = process.spawn("lib.no_such_module:main", nil)
assert(pid == nil and err ~= nil, "unknown module refused")
assert(err:kind() == errors.NOT_FOUND, "kind: " .. tostring(err))
assert(err:message():find("lib.no_such_module", 1, true), err:message())

-- an empty module path: nil, err INVALID
pid, err = process.spawn(":main", nil)
assert(pid == nil and err:kind() == errors.INVALID, "empty module: " .. tostring(err))

-- a field that is not a function, or missing: the child fails with an error
local d = process.spawn_monitored("lib.worker:data", nil)
ev = recv(events, "data EXIT")
assert(ev.from == d and ev.result.error ~= nil, "spawning a non-function field fails")
local x = process.spawn_monitored("lib.worker:nope", nil)
ev = recv(events, "nope EXIT")
assert(ev.from == x and ev.result.error ~= nil, "spawning a missing field fails")

-- bad argument types raise
assert(not pcall(process.spawn, 42, nil), "id must be a string or function")
assert(not pcall(process.spawn, "lib.worker:add", 42), "host must be a string or nil")
assert(not pcall(process.spawn, print, nil), "native functions cannot be spawned")
