-- coroutine.isyieldable in various contexts
print("main", coroutine.isyieldable())
coroutine.wrap(function()
  print("in co", coroutine.isyieldable())
  print("in pcall", pcall(coroutine.isyieldable))
  local t = setmetatable({}, { __index = function() return coroutine.isyieldable() end })
  print("in __index", t.x)
  local r
  table.sort({3, 2, 1}, function(a, b) r = coroutine.isyieldable(); return a < b end)
  print("in sort", r)
  print("in gsub", (string.gsub("a", "a", function() return tostring(coroutine.isyieldable()) end)))
  local inner = coroutine.wrap(function() return coroutine.isyieldable() end)
  print("nested", inner())
end)()
print("main again", coroutine.isyieldable())
print "OK"
