-- argument errors of coroutine functions
print(pcall(coroutine.resume))
print(pcall(coroutine.resume, nil))
print(pcall(coroutine.resume, {}))
print(pcall(coroutine.resume, function() end))
print(pcall(coroutine.create))
print(pcall(coroutine.create, nil))
print(pcall(coroutine.create, {}))
print(pcall(coroutine.wrap))
print(pcall(coroutine.wrap, 12))
print(pcall(coroutine.status))
print(pcall(coroutine.status, "co"))
print(pcall(coroutine.isyieldable, 1))
print "OK"
