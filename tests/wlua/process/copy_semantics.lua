-- Messages are deep copies: isolation, shared subtables and cycles kept,
-- metatables dropped, integer/float subtypes kept, error values copied;
-- functions, coroutines and channels refused with the path in the error.
local time = require("time")
local me = process.pid()
local inbox = process.inbox()

local function roundtrip(...)
  process.send(me, "rt", ...)
  local r = channel.select{inbox:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == inbox, "timeout")
  return r.value:payload():data()
end

-- scalars and subtypes
local i, f, big, negz, s, b, n = roundtrip(3, 3.0, math.maxinteger, -0.0, "a\0b", false, nil)
assert(i == 3 and math.type(i) == "integer")
assert(f == 3.0 and math.type(f) == "float", "3.0 stays a float")
assert(big == math.maxinteger and math.type(big) == "integer")
assert(1 / negz == -math.huge, "negative zero kept")
assert(s == "a\0b" and #s == 3)
assert(b == false and n == nil)
local nan, inf = roundtrip(0/0, math.huge)
assert(nan ~= nan and inf == math.huge)

-- a deep copy: the receiver's changes do not reach the sender
local orig = {list = {1, 2, 3}, map = {x = {y = "z"}}}
local copy = roundtrip(orig)
assert(copy ~= orig and copy.list ~= orig.list, "a new table")
assert(copy.list[3] == 3 and copy.map.x.y == "z")
copy.list[1] = 100
assert(orig.list[1] == 1)
-- the sender's later changes do not reach a message already sent
process.send(me, "snap", orig)
orig.map.x.y = "changed"
local snap = inbox:receive():payload():data()
assert(snap.map.x.y == "z", "snapshot at send time")

-- key types: integer, float, string, boolean, and table keys
local keyed = {[1] = "i", [2.5] = "f", s = "s", [true] = "b"}
local kt = {}
keyed[kt] = "table key"
local kc = roundtrip(keyed)
assert(kc[1] == "i" and kc[2.5] == "f" and kc.s == "s" and kc[true] == "b")
local found
for k, v in pairs(kc) do if type(k) == "table" then found = v end end
assert(found == "table key", "table keys are copied")
-- integer-valued float keys normalise as in Lua
local fk = roundtrip({[2.0] = "two"})
assert(fk[2] == "two")

-- shared substructure: one table reachable twice arrives as one table
local shared = {v = 1}
local t = {a = shared, b = shared, list = {shared, shared}}
local ct = roundtrip(t)
assert(ct.a == ct.b and ct.list[1] == ct.a and ct.list[2] == ct.a, "sharing preserved")
assert(ct.a ~= shared)
-- sharing across several payload values of one message
local x1, x2 = roundtrip(shared, {inner = shared})
assert(x1 == x2.inner, "sharing across payload values")

-- cycles
local cyc = {name = "root"}
cyc.self = cyc
cyc.child = {parent = cyc}
local cc = roundtrip(cyc)
assert(cc.self == cc and cc.child.parent == cc and cc.name == "root", "cycles preserved")

-- metatables are dropped
local mt = {__index = function() return "meta" end, __tostring = function() return "obj" end}
local obj = setmetatable({field = 1}, mt)
local co = roundtrip(obj)
assert(getmetatable(co) == nil, "metatable dropped")
assert(co.field == 1 and co.missing == nil)

-- error values are copied with their fields
local e = errors.new({message = "copied", kind = errors.RATE_LIMITED, retryable = true,
                      details = {wait = 5}})
local ce = roundtrip(e)
assert(type(ce) == "userdata" and ce ~= e)
assert(ce:kind() == errors.RATE_LIMITED and ce:message() == "copied" and ce:retryable() == true)
assert(ce:details().wait == 5)
assert(tostring(ce) == "copied [RATE_LIMITED]")

-- uncopyable values: an error naming the path, nothing delivered
local function refuses(pattern_type, path, ...)
  local ok, err = pcall(process.send, me, "bad", ...)
  assert(not ok, "expected an error for " .. path)
  local text = tostring(err)
  assert(text:find(pattern_type, 1, true), "type named: " .. text)
  assert(text:find(path, 1, true), "path " .. path .. " named: " .. text)
end
refuses("function", "#1", print)
refuses("function", "#2.a.b", 1, {a = {b = function() end}})
refuses("coroutine", "#1.co", {co = coroutine.create(function() end)})
refuses("channel", "#1.chans[2]", {chans = {1, channel.new()}})
refuses("function", "#3", 1, 2, function() end)
local r = channel.select{inbox:case_receive(), default = true}
assert(r.default, "a refused send delivers nothing")

-- the same rules for spawn arguments and results
local ok, err = pcall(process.spawn, function() end, nil, {f = print})
assert(not ok and tostring(err):find("function", 1, true))
local res, rerr = process.exec(function() return {shared = "x"} end)
assert(res.shared == "x")
-- a child returning an uncopyable value: the exit still happens
local v = process.exec(function() return function() end end)
assert(v == nil or type(v) ~= "function", "a function never crosses")

-- a big message
local bigt = {}
for k = 1, 10000 do bigt[k] = {k, tostring(k)} end
local cb = roundtrip(bigt)
assert(#cb == 10000 and cb[10000][2] == "10000")
