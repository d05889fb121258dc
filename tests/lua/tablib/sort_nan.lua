-- sorting arrays that contain NaN: the reference algorithm's exact outcome
local nan = 0/0
local function run(t)
  local ok, err = pcall(table.sort, t)
  local p = {}
  for i = 1, #t do p[i] = t[i] ~= t[i] and "NaN" or tostring(t[i]) end
  print(ok, ok and "" or err, table.concat(p, " "))
end
run({3, nan, 1, 2})
run({nan, nan})
run({nan, 1})
run({1, nan})
run({5, 4, nan, 3, 2, 1})
run({nan, 5, 4, 3, 2, 1, 0})
local t = {}
for i = 1, 30 do t[i] = (i % 7 == 0) and nan or (i * 13) % 31 end
run(t)
print "OK"
