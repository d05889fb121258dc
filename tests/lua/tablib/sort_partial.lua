-- the array's state after a comparator fails part-way (the reference's exact swaps)
local function run(n, failat)
  local t = {}
  for i = 1, n do t[i] = (i * 37) % n end
  local calls = 0
  local ok, err = pcall(table.sort, t, function(a, b)
    calls = calls + 1
    if calls == failat then error("stop", 0) end
    return a < b
  end)
  print(n, failat, ok, err, table.concat(t, " "))
end
run(10, 1)
run(10, 5)
run(10, 12)
run(20, 30)
run(50, 100)
run(50, 200)
-- after an invalid order function error
local t = {}
for i = 1, 20 do t[i] = 21 - i end
print(pcall(table.sort, t, function(a, b) return true end))
print(table.concat(t, " "))
print "OK"
