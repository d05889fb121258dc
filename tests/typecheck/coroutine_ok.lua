-- expect: ok
local co = coroutine.create(function(a) coroutine.yield(a + 1) end)
print(coroutine.resume(co, 1))
