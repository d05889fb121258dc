-- resuming a running or normal coroutine
local co
co = coroutine.create(function()
  print(coroutine.resume(co))
  local inner = coroutine.create(function()
    print(coroutine.resume(co))
    return "inner done"
  end)
  print(coroutine.resume(inner))
  return "outer done"
end)
print(coroutine.resume(co))
-- main thread cannot be resumed
local main = coroutine.running()
print(coroutine.resume(main))
coroutine.wrap(function() print(coroutine.resume(main)) end)()
-- wrap resuming itself
local w
w = coroutine.wrap(function() return pcall(w) end)
print(w())
print "OK"
