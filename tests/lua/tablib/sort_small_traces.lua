-- the exact comparison sequence of table.sort on small inputs (n <= 100, no pivot randomisation)
local function trace(t)
  local calls = {}
  table.sort(t, function(a, b) calls[#calls + 1] = a .. "," .. b return a < b end)
  local p = {}
  for i = 1, #t do p[i] = t[i] end
  print(#calls, table.concat(p, " "))
  print(table.concat(calls, " "))
end
trace({2, 1})
trace({1, 2})
trace({3, 2, 1})
trace({1, 3, 2})
trace({4, 1, 3, 2})
trace({5, 4, 3, 2, 1})
trace({1, 2, 3, 4, 5, 6})
trace({6, 1, 5, 2, 4, 3, 7})
trace({9, 8, 7, 1, 2, 3, 6, 5, 4, 0})
local t = {}
local x = 3
for i = 1, 40 do x = (x * 75 + 74) % 65537 t[i] = x % 100 end
trace(t)
print "OK"
