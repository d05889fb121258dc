-- yield inside a sort comparator: attempt to yield across a C-call boundary
local co = coroutine.create(function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) coroutine.yield() return a < b end)
  return "sorted"
end)
print(coroutine.resume(co))
print(coroutine.status(co))
-- same through gsub callback
local co2 = coroutine.create(function()
  return string.gsub("abc", "%w", function(c) coroutine.yield(c) end)
end)
print(coroutine.resume(co2))
-- pcall of the error inside the coroutine
local co3 = coroutine.create(function()
  local ok, e = pcall(table.sort, {2, 1}, function(a, b) coroutine.yield() return a < b end)
  return ok, e
end)
print(coroutine.resume(co3))
-- load reader yields
local co4 = coroutine.create(function()
  return load(function() coroutine.yield() end)
end)
print(coroutine.resume(co4))
print "OK"
