-- Memory per suspended coroutine: creates N coroutines, each resumed once
-- and parked in a yield, and reports the heap growth per coroutine.
--   wlua benches/lua/micro/coroutine_footprint.lua [N]
local N = tonumber(arg and arg[1]) or 1000000
collectgarbage()
local before = collectgarbage("count")
local cos = {}
local function body(x) local y = coroutine.yield(x) return y end
for i = 1, N do
  local co = coroutine.create(body)
  coroutine.resume(co, i)
  cos[i] = co
end
collectgarbage()
local after = collectgarbage("count")
local alive = 0
for i = 1, N do if coroutine.status(cos[i]) == "suspended" then alive = alive + 1 end end
print(string.format("%d suspended coroutines, %.0f bytes each (heap %.1f MB)",
  alive, (after - before) * 1024 / N, after / 1024))
