-- table.sort: the reference's quicksort, comparators, and its errors
local function show(t)
  local parts = {}
  for i = 1, #t do parts[#parts + 1] = tostring(t[i]) end
  return table.concat(parts, " ")
end
local function check(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(show(t))
table.sort(t, function(a, b) return a > b end)
print(show(t))
t = {"banana", "apple", "Cherry", "apple", "", "b"}
table.sort(t)
print(show(t))
t = {3, 1.5, -2, 2^53, -0.0, 0, math.mininteger, math.maxinteger, 1e300, -math.huge}
table.sort(t)
print(show(t))
t = {}
table.sort(t)
t = {1}
table.sort(t, function() error("never called") end)
print(show(t))
-- a sequence big enough to recurse several levels, checked for order
local big = {}
local x = 12345
for i = 1, 2000 do
  x = (x * 1103515245 + 12345) % 2147483648
  big[i] = x % 1000
end
table.sort(big)
local sorted = true
for i = 2, #big do if big[i - 1] > big[i] then sorted = false end end
print(sorted, big[1], big[1000], big[2000])
-- stability is not promised: the permutation of equal keys shows the algorithm
local recs = {}
for i = 1, 40 do recs[i] = {k = i % 4, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
local ids = {}
for i = 1, #recs do ids[i] = recs[i].id end
print(table.concat(ids, " "))
-- comparison calls, in order, for a small array
local calls = {}
t = {3, 1, 2, 5, 4}
table.sort(t, function(a, b) calls[#calls + 1] = a .. "<" .. b return a < b end)
print(show(t))
print(table.concat(calls, " "))
-- inconsistent comparators
check(function() table.sort({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, function() return true end) end)
local r = {5, 3, 8, 1, 9, 2, 7}
local ok = pcall(table.sort, r, function(a, b) return true end)
print(ok)
local z = {}
for i = 1, 30 do z[i] = (i * 7) % 11 end
print(pcall(table.sort, z, function(a, b) return a <= b end))
-- errors
check(function() table.sort({1, "x"}) end)
check(function() table.sort({{}, {}}) end)
check(function() table.sort({3, 2, 1}, 3) end)
check(function() table.sort({3, 2, 1}, false) end)
check(function() table.sort() end)
check(function() table.sort(nil) end)
check(function() table.sort(setmetatable({}, {__len = function() return 2^40 end})) end)
check(function() table.sort({3, 2, 1}, function(a, b) error("cmp failed") end) end)
check(function() table.sort({3, 2, 1}, function(a, b) error({code = 1}) end) end)
-- nil (explicitly) as the comparator means '<'
t = {3, 2, 1}
table.sort(t, nil)
print(show(t))
-- __lt metamethods are used without a comparator
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({4, 1, 3, 2}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
for i = 1, #objs do io.write(objs[i].v, " ") end
print()
print "OK"
