-- many closures alive at once, each with private state
local cs = {}
for i = 1, 10000 do
  local n = i
  cs[i] = function(d) n = n + d; return n end
end
local sum = 0
for i = 1, 10000 do sum = sum + cs[i](1) end
print(sum)
for i = 1, 10000, 2 do cs[i] = nil end
collectgarbage()
sum = 0
for i = 2, 10000, 2 do sum = sum + cs[i](0) end
print(sum)
-- closures over the same variable from different functions
local function make_pair()
  local shared = {}
  return function(k, v) shared[k] = v end, function(k) return shared[k] end
end
local set, get = make_pair()
set("a", 1)
local set2, get2 = make_pair()
set2("a", 2)
print(get("a"), get2("a"))
print "OK"
