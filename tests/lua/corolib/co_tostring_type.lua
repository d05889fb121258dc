-- type/tostring/equality of threads
local co = coroutine.create(function() end)
print(type(co))
print(tostring(co):match("^thread: 0x") ~= nil)
print(co == co, co == coroutine.create(function() end))
local t = { [co] = "val" }
print(t[co])
print(rawequal(co, co))
print(getmetatable(co))
print(pcall(function() return co + 1 end))
print(pcall(function() return #co end))
print(pcall(function() return co.x end))
print(pcall(function() return co < co end))
print "OK"
