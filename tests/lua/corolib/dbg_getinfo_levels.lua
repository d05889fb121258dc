-- debug.getinfo by level
local function show(level)
  local i = debug.getinfo(level + 1, "nSl")
  if not i then print(level, "nil") return end
  print(level, i.what, i.short_src, i.currentline, i.linedefined, i.name, i.namewhat)
end
local function inner()
  show(0)
  show(1)
  show(2)
  show(3)
  show(4)
end
local function outer() inner() end
outer()
local t = { method = function(self) show(1) end }
t:method()
t.method(t)
local f = function() show(1) end
f()
print(debug.getinfo(0, "n").name, debug.getinfo(0, "S").what)
print(debug.getinfo(1, "S").what)
print(debug.getinfo(100))
print(pcall(debug.getinfo, -1))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, 1, "X"))
print "OK"
