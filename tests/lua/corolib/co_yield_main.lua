-- yield outside any coroutine
print(pcall(coroutine.yield))
print(pcall(coroutine.yield, 1, 2))
print(coroutine.isyieldable())
local ok, err = pcall(function() coroutine.yield() end)
print(ok, err)
print(select('#', pcall(coroutine.yield)))
print "OK"
