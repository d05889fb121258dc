-- cannot resume dead coroutine
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co, 1, 2))
local e = coroutine.create(function() error("x") end)
print(coroutine.resume(e))
print(coroutine.resume(e))
local w = coroutine.wrap(function() return "once" end)
print(w())
print(pcall(w))
local ok, msg = pcall(w)
print(ok, msg)
print "OK"
