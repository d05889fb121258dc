-- table.sort with default and custom comparators
local t = { 5, 2, 8, 1, 9, 3, 7, 4, 6, 0 }
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local s = { "pear", "apple", "fig", "banana", "Cherry" }
table.sort(s)
print(table.concat(s, " "))
table.sort(s, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(s, " "))
-- sorting records by a field
local recs = { { n = "c", v = 3 }, { n = "a", v = 1 }, { n = "b", v = 2 } }
table.sort(recs, function(x, y) return x.v < y.v end)
print(recs[1].n, recs[2].n, recs[3].n)
-- mixed integers and floats
local m = { 3, 1.5, 2, -1, 0.5, 10 }
table.sort(m)
print(table.concat(m, " "))
-- a larger pseudo-random array
local big, x = {}, 42
for i = 1, 1000 do x = (x * 1103515245 + 12345) % 2147483648; big[i] = x end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, #big)
-- errors
-- which pair is compared first is the algorithm's business: check the kind of error only
local ok, msg = pcall(table.sort, { 1, "x", 2 })
print(ok, msg:find("attempt to compare", 1, true) ~= nil)
ok, msg = pcall(table.sort, { {}, {} })
print(ok, msg)
print(pcall(table.sort, { 3, 1, 2 }, 42))
print(pcall(table.sort, nil))
-- sorting is stable enough for equal keys: only the multiset matters
local eq = { 2, 1, 2, 1, 2 }
table.sort(eq)
print(table.concat(eq, " "))
print "OK"
