-- nested loops with break, and loops over changing data
local primes = {}
for n = 2, 50 do
  local prime = true
  for d = 2, n - 1 do
    if d * d > n then break end
    if n % d == 0 then prime = false; break end
  end
  if prime then primes[#primes + 1] = n end
end
print(table.concat(primes, " "))
-- a triangle
for i = 1, 4 do
  local row = {}
  for j = 1, i do row[j] = i * j end
  print(table.concat(row, " "))
end
-- break from a while inside a for inside a repeat
local trace = {}
local k = 0
repeat
  k = k + 1
  for i = 1, 3 do
    local j = 0
    while true do
      j = j + 1
      if j > i then break end
    end
    trace[#trace + 1] = k .. "." .. i .. "." .. j
  end
until k == 2
print(table.concat(trace, " "))
-- bubble sort with nested loops
local a = { 5, 3, 8, 1, 9, 2 }
for i = #a, 2, -1 do
  for j = 1, i - 1 do
    if a[j] > a[j + 1] then a[j], a[j + 1] = a[j + 1], a[j] end
  end
end
print(table.concat(a, " "))
print "OK"
