-- comparators: callable tables, C functions, closures with state
local cmp = setmetatable({}, {__call = function(_, a, b) return a > b end})
print(pcall(table.sort, {1, 3, 2}, cmp))
local t = {"b", "c", "a"}
table.sort(t, function(...) return select("#", ...) == 2 and (...) < select(2, ...) end)
print(table.concat(t))
local calls = 0
local u = {4, 3, 2, 1}
table.sort(u, function(a, b) calls = calls + 1 return a < b end)
print(table.concat(u, " "), calls)
print(pcall(table.sort, {2, 1}, math.max))
print(pcall(table.sort, {2, 1}, rawequal))
local v = {2, 1, 3}
table.sort(v, math.ult)
print(table.concat(v, " "))
local w = {-1, 2, -3, 4}
table.sort(w, math.ult)
print(table.concat(w, " "))
print "OK"
