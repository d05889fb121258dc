-- hooks belong to threads: inherited-but-empty in new coroutines, set on another thread
local lines = {}
debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
local co = coroutine.create(function()
  local a = 1
  local b = 2
  return a + b
end)
local ok, r = coroutine.resume(co)
debug.sethook()
print(r, table.concat(lines, " "))
-- hook set for another thread
local co2 = coroutine.create(function()
  local x = 1
  coroutine.yield()
  return x
end)
local l2 = {}
debug.sethook(co2, function(e, l) l2[#l2 + 1] = e .. l end, "l")
print(debug.gethook(co2) ~= nil, debug.gethook())
coroutine.resume(co2)
local z = 1
coroutine.resume(co2)
print(table.concat(l2, " "))
print(select(2, debug.gethook(co2)))
print "OK"
