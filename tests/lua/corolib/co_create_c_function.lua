-- coroutines whose body is a C function
local co = coroutine.create(coroutine.yield)
print(coroutine.resume(co, 1, 2, 3))
print(coroutine.status(co))
print(coroutine.resume(co, "a", "b"))
print(coroutine.status(co))
local co2 = coroutine.create(select)
print(coroutine.resume(co2, 2, "x", "y", "z"))
local co3 = coroutine.create(error)
print(coroutine.resume(co3, "C error"))
local co4 = coroutine.create(pcall)
print(coroutine.resume(co4, coroutine.yield, "through pcall"))
print(coroutine.resume(co4, "resumed"))
print "OK"
