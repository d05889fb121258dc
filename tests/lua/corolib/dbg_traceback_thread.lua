-- debug.traceback of another thread
local co = coroutine.create(function()
  local function deep() coroutine.yield() end
  deep()
end)
coroutine.resume(co)
local tb = debug.traceback(co)
for l in tb:gmatch("[^\n]+") do print(l) end
print("--")
tb = debug.traceback(co, "with message")
for l in tb:gmatch("[^\n]+") do print(l) end
print("--")
tb = debug.traceback(co, "level 1", 1)
for l in tb:gmatch("[^\n]+") do print(l) end
print("--")
local fresh = coroutine.create(function() end)
print(debug.traceback(fresh))
print(debug.traceback(fresh, "fresh"))
coroutine.resume(fresh)
print(debug.traceback(fresh, "dead"))
print "OK"
