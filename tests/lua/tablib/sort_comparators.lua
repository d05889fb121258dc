-- table.sort with various comparators; results checked independent of stability
local function show(t)
  local p = {}
  for i = 1, #t do p[i] = tostring(t[i]) end
  return table.concat(p, " ")
end
local function sorted(t, lt)
  lt = lt or function(a, b) return a < b end
  for i = 2, #t do if lt(t[i], t[i - 1]) then return false end end
  return true
end
local t = {9, 3, 7, 1, 8, 2, 6, 4, 5, 0}
table.sort(t, function(a, b) return a > b end)
print(show(t))
table.sort(t, function(a, b) return a % 3 < b % 3 or (a % 3 == b % 3 and a < b) end)
print(show(t))
-- by string length, ties broken by content
local w = {"pear", "fig", "banana", "kiwi", "apple", "date", "plum"}
table.sort(w, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(show(w))
-- case-insensitive
local c = {"b", "A", "c", "B", "a", "C"}
table.sort(c, function(a, b) local la, lb = a:lower(), b:lower() if la ~= lb then return la < lb end return a < b end)
print(show(c))
-- records by several keys
local recs = {}
for i = 1, 30 do recs[i] = {a = i % 3, b = (i * 7) % 5, id = i} end
table.sort(recs, function(x, y)
  if x.a ~= y.a then return x.a < y.a end
  if x.b ~= y.b then return x.b > y.b end
  return x.id < y.id
end)
local ids = {}
for i = 1, #recs do ids[i] = recs[i].id end
print(table.concat(ids, " "))
-- comparator that returns non-boolean truthy values
local n = {5, 1, 4, 2, 3}
table.sort(n, function(a, b) return a < b and "yes" or nil end)
print(show(n))
-- many equal keys: only the key order is checked
local eq = {}
for i = 1, 100 do eq[i] = {k = i % 5} end
table.sort(eq, function(a, b) return a.k < b.k end)
local keys = {}
for i = 1, #eq do keys[i] = eq[i].k end
print(sorted(keys), keys[1], keys[20], keys[21], keys[100])
-- all equal
local same = {}
for i = 1, 50 do same[i] = 7 end
table.sort(same)
print(sorted(same), #same)
-- mixed integers and floats
local m = {3, 2.5, -1, 2, 1e10, -1.5, 0, 2^53, -2^63, 2^63}
table.sort(m)
print(show(m))
-- strings with embedded zeros and high bytes
local s = {"a\0b", "a", "a\0", "\255", "\0", ""}
table.sort(s)
for i = 1, #s do io.write(("%q"):format(s[i]), " ") end
print()
print "OK"
