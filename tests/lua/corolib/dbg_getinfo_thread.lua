-- getinfo of levels in another thread
local co = coroutine.create(function(a)
  local function sub(b)
    coroutine.yield(b)
  end
  sub(a)
end)
coroutine.resume(co, 5)
for lvl = 0, 3 do
  local i = debug.getinfo(co, lvl, "Sln")
  if i then
    print(lvl, i.what, i.currentline, i.linedefined, i.name, i.namewhat)
  else
    print(lvl, nil)
  end
end
print(debug.getinfo(co, 0, "f").func == coroutine.yield)
local fresh = coroutine.create(print)
print(debug.getinfo(fresh, 0))
print "OK"
