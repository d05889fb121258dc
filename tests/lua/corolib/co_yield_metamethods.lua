-- yield inside metamethods (5.3 allows this for Lua metamethods)
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __newindex = function(t, k, v) rawset(t, k, coroutine.yield("newindex " .. k)) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __le = function(a, b) return coroutine.yield("le") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __len = function(a) return coroutine.yield("len") end,
  __unm = function(a) return coroutine.yield("unm") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local co = coroutine.wrap(function()
  print("index ->", a.foo)
  a.bar = 1
  print("newindex ->", rawget(a, "bar"))
  print("add ->", a + 1)
  print("lt ->", a < b)
  print("le ->", a <= b)
  print("eq ->", a == b)
  print("concat ->", a .. "x")
  print("len ->", #a)
  print("unm ->", -a)
  print("call ->", a("y"))
  if a < b then print("branch taken") else print("branch not taken") end
  return "finished"
end)
print(co())
print(co("got foo"))
print(co("stored"))
print(co(42))
print(co(true))
print(co(false))
print(co(1))
print(co("joined"))
print(co(3))
print(co(-1))
print(co("called"))
print(co(nil))
print "OK"
