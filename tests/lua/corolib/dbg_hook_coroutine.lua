-- hooks are per thread: a hook set inside a coroutine does not trace main
-- hook set inside a coroutine
local inner = {}
local co2 = coroutine.create(function()
  debug.sethook(function(_, l) inner[#inner + 1] = l end, "l")
  local x = 1
  coroutine.yield()
  x = x + 1
  debug.sethook()
  return x
end)
coroutine.resume(co2)
local y = 0
y = y + 1
coroutine.resume(co2)
print(table.concat(inner, " "))
print(debug.gethook())
print "OK"
