-- allocation-heavy code keeps working across many collections
local function churn(n)
  local keep = {}
  for i = 1, n do
    local t = { i, tostring(i), { i * 2 } }
    if i % 100 == 0 then keep[#keep + 1] = t end
  end
  return keep
end
local kept = churn(50000)
print(#kept, kept[1][2], kept[#kept][3][1])
-- strings built and dropped
local s = ""
for i = 1, 2000 do s = s .. "x" if #s > 100 then s = "" end end
print(#s)
-- closures built and dropped
local total = 0
for i = 1, 20000 do
  local f = function() return i end
  total = total + f()
end
print(total)
-- cycles are collected
local weak = setmetatable({}, { __mode = "k" })
local function cycle()
  local a, b = {}, {}
  a.b, b.a = b, a
  weak[a] = true
end
for i = 1, 100 do cycle() end
collectgarbage()
print(next(weak))
-- stop and restart still allow explicit collections
collectgarbage("stop")
for i = 1, 10000 do local _ = { i } end
collectgarbage()
collectgarbage("restart")
print(collectgarbage("isrunning"))
print "OK"
