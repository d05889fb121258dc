-- coroutine.running in main and in coroutines
local m, ismain = coroutine.running()
print(type(m), ismain)
print(coroutine.status(m))
local co
co = coroutine.create(function()
  local c, im = coroutine.running()
  print(c == co, im)
  print(c == m)
  coroutine.yield(c)
end)
local ok, c = coroutine.resume(co)
print(ok, c == co)
local w = coroutine.wrap(function() local c, b = coroutine.running(); return type(c), b end)
print(w())
print(tostring(m):match("^thread: ") ~= nil)
print "OK"
