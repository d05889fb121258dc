-- coroutines share upvalues with their creators
local counter = 0
local co = coroutine.wrap(function()
  while true do counter = counter + 1; coroutine.yield(counter) end
end)
print(co(), co(), counter)
counter = 100
print(co())
-- each coroutine closes over its own loop variable
local cos = {}
for i = 1, 3 do
  cos[i] = coroutine.wrap(function() coroutine.yield(i); coroutine.yield(i * 10) end)
end
print(cos[1](), cos[2](), cos[3](), cos[1](), cos[3]())
-- a local captured in the coroutine stays alive while suspended
local function make()
  local secret = "kept"
  return coroutine.create(function() coroutine.yield(); return secret end)
end
local c = make()
coroutine.resume(c)
collectgarbage()
print(coroutine.resume(c))
-- closures created inside a coroutine survive it
local getter = coroutine.wrap(function()
  local v = 0
  local function inc() v = v + 1; return v end
  coroutine.yield(inc)
  return "end"
end)()
print(getter(), getter(), getter())
print "OK"
