-- a coroutine that died by an error keeps its stack for debug.traceback/getinfo/getlocal
local co = coroutine.create(function()
  local function lvl2() local x = nil; return x.y end
  local function lvl1() lvl2() end
  lvl1()
end)
print(coroutine.resume(co))
print(debug.traceback(co))
print(debug.traceback(co, "msg"))
print(debug.getinfo(co, 0, "Sl") and debug.getinfo(co, 0, "Sl").currentline)
print(debug.getlocal(co, 0, 1))
print(coroutine.status(co))
local co2 = coroutine.create(function() error("e") end)
coroutine.resume(co2)
print(debug.traceback(co2))
local co3 = coroutine.create(function() return 1 end)
coroutine.resume(co3)
print(debug.traceback(co3))
print "OK"
