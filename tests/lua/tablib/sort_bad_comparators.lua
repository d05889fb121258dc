-- inconsistent comparators: the reference's outcome (error or a permutation) per size
local function try(n, cmp, name)
  local t = {}
  for i = 1, n do t[i] = (i * 7) % n + 1 end
  local ok, err = pcall(table.sort, t, cmp)
  local sum = 0
  for i = 1, n do sum = sum + (t[i] or 0) end
  print(name, n, ok, ok and "" or err, sum)
end
for _, n in ipairs({2, 3, 4, 5, 8, 16, 33, 64, 100}) do
  try(n, function(a, b) return true end, "true")
  try(n, function(a, b) return a <= b end, "<=")
  try(n, function(a, b) return false end, "false")
  try(n, function(a, b) return a >= b end, ">=")
end
print "OK"
