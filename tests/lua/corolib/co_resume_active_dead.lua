-- resuming a running or normal coroutine: the reference reports 'dead' when the
-- coroutine's current C function has an empty stack (a wrap call)
local main = coroutine.running()
coroutine.wrap(function() print(coroutine.resume(main)) end)(1)
coroutine.wrap(function() print(coroutine.resume(main)) end)()
local co = coroutine.create(function() print(coroutine.resume(main)) end)
coroutine.resume(co)
local w
w = coroutine.wrap(function(...) return pcall(w, 1) end)
print(w())
local c2
c2 = coroutine.create(function() return coroutine.resume(c2) end)
print(coroutine.resume(c2))
local outer
outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() return pcall(outer) end)
  return inner()
end)
print(outer())
outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() return pcall(outer) end)
  return inner(5)
end)
print(outer())
print "OK"
