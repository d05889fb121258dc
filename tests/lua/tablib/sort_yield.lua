-- comparators and metamethods inside table functions cannot yield in 5.3
local co = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield("in sort") return a < b end)
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.status(co))
local co2 = coroutine.wrap(function()
  local p = setmetatable({}, {__index = function(_, k) coroutine.yield(k) return k end, __len = function() return 2 end})
  return table.concat(p, ",")
end)
print(pcall(co2))
local co3 = coroutine.create(function()
  local t = setmetatable({}, {__newindex = function(t, k, v) coroutine.yield(k) rawset(t, k, v) end})
  table.insert(t, 1, "x")
end)
print(coroutine.resume(co3))
-- a comparator may still use coroutines internally
local gen = coroutine.wrap(function() for i = 1, 1000 do coroutine.yield(i) end end)
local t = {5, 3, 1, 4, 2}
table.sort(t, function(a, b) gen() return a < b end)
print(table.concat(t, " "))
print "OK"
