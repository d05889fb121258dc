-- table.sort on larger inputs: sorted order and permutation checked
local function lcg(seed)
  local x = seed
  return function()
    x = (x * 6364136223846793005 + 1442695040888963407)
    return (x >> 33) % 100000
  end
end
local function check(t, lt)
  lt = lt or function(a, b) return a < b end
  for i = 2, #t do if lt(t[i], t[i - 1]) then return false end end
  return true
end
local function sum(t) local s = 0 for i = 1, #t do s = s + t[i] end return s end
for _, n in ipairs({2, 3, 5, 17, 100, 1000, 5000}) do
  local r = lcg(n)
  local t = {}
  for i = 1, n do t[i] = r() end
  local before = sum(t)
  table.sort(t)
  print(n, check(t), sum(t) == before, t[1], t[n])
end
-- already sorted, reversed, organ pipe
local asc, desc, pipe = {}, {}, {}
for i = 1, 3000 do asc[i] = i desc[i] = 3001 - i pipe[i] = i <= 1500 and i or 3001 - i end
table.sort(asc) table.sort(desc) table.sort(pipe)
print(check(asc), check(desc), check(pipe), desc[1], desc[3000], pipe[1], pipe[3000])
-- descending sort of strings
local r = lcg(7)
local s = {}
for i = 1, 1000 do s[i] = tostring(r()) end
table.sort(s, function(a, b) return a > b end)
print(check(s, function(a, b) return a > b end), s[1], s[1000])
-- floats
local f = {}
for i = 1, 1000 do f[i] = math.sin(i) end
table.sort(f)
print(check(f), string.format("%.6f %.6f", f[1], f[1000]))
print "OK"
