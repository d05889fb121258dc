-- getinfo(level, "f").func identifies the running functions
local function a() return debug.getinfo(1, "f").func, debug.getinfo(2, "f").func end
local function b() local x, y = a(); return x, y end
local x, y = b()
print(x == a, y == b)
print(debug.getinfo(1, "f").func == debug.getinfo(1, "f").func)
local ok, fn = pcall(function() return debug.getinfo(1, "f").func end)
print(ok, type(fn))
local outer = debug.getinfo(1, "f").func
print(type(outer))
-- coroutine body
local body = function() coroutine.yield(debug.getinfo(1, "f").func) end
local co = coroutine.create(body)
print(select(2, coroutine.resume(co)) == body)
print(debug.getinfo(co, 1, "f").func == body)
print "OK"
