-- coroutines interacting with library functions that call back
local co = coroutine.wrap(function()
  local t = {}
  for i = 1, 3 do t[i] = coroutine.yield(i) end
  return table.concat(t, ",")
end)
print(co()); print(co("a")); print(co("b")); print(co("c"))
-- pcall(coroutine.wrap(...)) keeps results
local w = coroutine.wrap(function(...) return ... end)
print(pcall(w, 1, nil, 3))
-- a coroutine that resumes another which yields many values
local inner = coroutine.create(function() coroutine.yield(table.unpack({1, 2, 3, 4, 5})) end)
local outer = coroutine.wrap(function() return coroutine.resume(inner) end)
print(outer())
-- select with coroutine results
print(select(-1, coroutine.resume(coroutine.create(function() return "a", "b", "c" end))))
print "OK"
