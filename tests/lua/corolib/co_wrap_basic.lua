-- coroutine.wrap basics
local w = coroutine.wrap(function(a, b)
  local c = coroutine.yield(a + b)
  local d = coroutine.yield(c .. "!")
  return d, "end"
end)
print(type(w))
print(w(1, 2))
print(w("hi"))
print(w("last"))
print(pcall(w))
-- wrap returning nothing
local n = coroutine.wrap(function() end)
print(select('#', n()))
-- wrap yielding nothing
local y = coroutine.wrap(function() coroutine.yield() return 1 end)
print(select('#', y()))
print(y())
-- wrap of a C function
local cw = coroutine.wrap(print)
cw("printed by wrapped print")
print(pcall(cw))
local sw = coroutine.wrap(string.rep)
print(sw("ab", 3))
print "OK"
