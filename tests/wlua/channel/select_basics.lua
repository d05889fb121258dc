-- channel.select: result shapes, blocking until a case is ready, send
-- cases, default, empty lists, invalid entries, withdrawing from the
-- cases that did not fire.
local time = require("time")

local a, b = channel.new(1), channel.new(1)

-- a ready receive case
b:send("bee")
local r = channel.select{a:case_receive(), b:case_receive()}
assert(r.channel == b and r.value == "bee" and r.ok == true and r.default == nil)

-- a ready send case
r = channel.select{a:case_send("x"), default = true}
assert(r.channel == a and r.value == "x" and r.ok == true)
assert(a:receive() == "x")

-- a send case whose value is nil
r = channel.select{a:case_send(nil)}
assert(r.channel == a and r.value == nil and r.ok == true)
local v, ok = a:receive()
assert(v == nil and ok == true)

-- the parenthesised form is the same call
r = channel.select({a:case_send(1)})
assert(r.channel == a); a:receive()

-- a case may be built once and reused
local rc = a:case_receive()
a:send(1); assert(channel.select{rc}.value == 1)
a:send(2); assert(channel.select{rc}.value == 2)

-- blocking until another coroutine makes a case ready
local u = channel.new()
coroutine.spawn(function() time.sleep("5ms"); u:send("late") end)
r = channel.select{u:case_receive(), channel.new():case_receive()}
assert(r.channel == u and r.value == "late")

-- a blocked send case completes when a receiver arrives
local out = channel.new()
coroutine.spawn(function() time.sleep("5ms"); assert(out:receive() == "delivered") end)
r = channel.select{out:case_send("delivered"), channel.new():case_receive()}
assert(r.channel == out and r.value == "delivered" and r.ok)

-- after one case fires the others are withdrawn: a later send on the
-- losing channel is not swallowed by the finished select
local x, y = channel.new(), channel.new()
local got = channel.new(1)
coroutine.spawn(function() got:send(channel.select{x:case_receive(), y:case_receive()}) end)
time.sleep("1ms")
x:send("to x")          -- the select takes it
local res = got:receive()
assert(res.channel == x and res.value == "to x")
local sel2 = channel.select{y:case_send("to y"), default = true}
assert(sel2.default, "nobody is waiting on y any more")

-- same for a losing send case
local p, q = channel.new(), channel.new()
coroutine.spawn(function() got:send(channel.select{p:case_send("p"), q:case_send("q")}) end)
time.sleep("1ms")
assert(p:receive() == "p")
res = got:receive()
assert(res.channel == p)
assert(channel.select{q:case_receive(), default = true}.default, "q's send was withdrawn")

-- empty case list
r = channel.select{default = true}
assert(r.default == true and r.ok == true and r.channel == nil)
assert(not pcall(channel.select, {}), "no cases and no default raises")

-- invalid entries raise
assert(not pcall(channel.select, {a}), "a channel is not a case")
assert(not pcall(channel.select, {42}), "a number is not a case")
assert(not pcall(channel.select, {a:case_receive(), "x"}), "a string is not a case")
assert(not pcall(channel.select), "select needs a table")
assert(not pcall(a.case_receive, {}), "case_receive needs a channel")

-- default = false is not a default
coroutine.spawn(function() time.sleep("2ms"); b:send("nd") end)
r = channel.select{b:case_receive(), default = false}
assert(r.channel == b and r.value == "nd", "default = false blocks")

-- the same channel in two cases
b:send(1)
r = channel.select{b:case_receive(), b:case_receive()}
assert(r.channel == b and r.value == 1)

-- a receive case on a closed channel is always ready
local c = channel.new(); c:close()
for i = 1, 5 do
  r = channel.select{c:case_receive(), channel.new():case_receive()}
  assert(r.channel == c and r.ok == false)
end

-- timeout idiom: a fresh after() per wait
local never = channel.new()
r = channel.select{never:case_receive(), time.after("5ms"):case_receive()}
assert(r.channel ~= never and r.ok == true and type(r.value) == "userdata" and r.value:unix() > 0)
