-- __index chain where a function in the chain yields
local base = setmetatable({}, { __index = function(_, k) return coroutine.yield(k) end })
local mid = setmetatable({}, { __index = base })
local top = setmetatable({}, { __index = mid })
local co = coroutine.wrap(function()
  local a = top.alpha
  local b = top.beta
  return a .. b
end)
print(co())
print(co("A"))
print(co("B"))
-- __newindex chain
local store = {}
local sink = setmetatable({}, { __newindex = function(_, k, v) store[k] = coroutine.yield(v) end })
local front = setmetatable({}, { __newindex = sink })
local co2 = coroutine.wrap(function()
  front.x = 1
  front.y = 2
  return store.x + store.y
end)
print(co2())
print(co2(10))
print(co2(20))
print "OK"
