-- unreachable suspended coroutines are collected without trouble
for i = 1, 2000 do
  local co = coroutine.create(function(x) coroutine.yield(x) end)
  coroutine.resume(co, i)
end
collectgarbage()
collectgarbage()
-- weak table with threads
local weak = setmetatable({}, { __mode = "k" })
do
  local co = coroutine.create(function() end)
  weak[co] = true
end
collectgarbage()
local n = 0
for _ in pairs(weak) do n = n + 1 end
print(n)
local keep = coroutine.create(function() coroutine.yield() end)
weak[keep] = true
collectgarbage()
n = 0
for _ in pairs(weak) do n = n + 1 end
print(n)
print(type(keep))
print "OK"
