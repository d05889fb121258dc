-- process.exec: spawn, wait, return the child's result value or nil, err.
local time = require("time")

assert(process.exec(function(a, b) return a * b end, nil, 6, 7) == 42)
local t = process.exec(function() return {1, {2, 3}} end, "app:processes")
assert(type(t) == "table" and t[2][2] == 3, "tables come back copied")
assert(process.exec(function() end) == nil, "no value")
assert(process.exec(function() return 1, nil end) == 1)

-- only the first value comes back
local a, b = process.exec(function() return "first", nil end)
assert(a == "first" and b == nil)

-- failures: nil, err
local r, err = process.exec(function() error("exec boom") end)
assert(r == nil and err ~= nil, "error -> nil, err")
assert(err:message():find("exec boom", 1, true), err:message())
r, err = process.exec(function()
  return nil, errors.new({message = "exec soft", kind = errors.UNAVAILABLE})
end)
assert(r == nil and err:kind() == errors.UNAVAILABLE and err:message() == "exec soft")

-- the child blocks and sleeps; exec waits for it
r = process.exec(function()
  local time = require("time")
  time.sleep("20ms")
  local ch = channel.new()
  coroutine.spawn(function() ch:send("from coroutine") end)
  return (ch:receive())
end)
assert(r == "from coroutine")

-- the child talks to its caller while the caller is in exec: the message
-- waits in the caller's inbox
local me = process.pid()
r = process.exec(function(parent) process.send(parent, "note", "hi"); return "done" end, nil, me)
assert(r == "done")
local m = process.inbox():receive()
assert(m:topic() == "note" and m:payload():data() == "hi")

-- exec does not leave an EXIT event behind
local ev = channel.select{process.events():case_receive(), default = true}
assert(ev.default, "no EXIT event from exec")

-- other coroutines of the caller run while exec waits
local log = {}
coroutine.spawn(function() log[#log + 1] = "coroutine ran" end)
r = process.exec(function() require("time").sleep("10ms"); return 1 end)
assert(r == 1 and log[1] == "coroutine ran")

-- unknown module
r, err = process.exec("lib.missing_module:main", nil)
assert(r == nil and err:kind() == errors.NOT_FOUND)

-- several concurrent execs from spawned coroutines
local results = channel.new(5)
for i = 1, 5 do
  coroutine.spawn(function()
    results:send(process.exec(function(n) require("time").sleep("5ms"); return n * n end, nil, i))
  end)
end
local sum = 0
for i = 1, 5 do sum = sum + results:receive() end
assert(sum == 1 + 4 + 9 + 16 + 25, "sum " .. sum)

-- a non-nil second return value makes the exit abnormal, even `true`
r, err = process.exec(function() return "v", true end)
assert(r == nil and err ~= nil, "value, true is an abnormal exit")
