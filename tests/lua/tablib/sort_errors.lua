-- table.sort error messages
local function check(...) print(pcall(...)) end
check(table.sort, {1, 2, "3"})
check(table.sort, {"a", 1})
check(table.sort, setmetatable({1, nil, 3}, {__len = function() return 3 end}))
check(table.sort, {{}, 1})
check(table.sort, {true, false})
check(table.sort, {1, 2}, "notafunction")
check(table.sort, {1, 2}, {})
check(table.sort, {1, 2}, 1)
check(table.sort, "abc")
check(table.sort, 12)
check(table.sort, {1, 2, 3}, function(a, b) return a.x < b.x end)
check(table.sort, setmetatable({}, {__len = function() return math.maxinteger end}))
check(table.sort, setmetatable({}, {__len = function() return -1 end}))
check(table.sort, setmetatable({}, {__len = function() return "z" end}))
-- invalid order functions: always-true with enough elements
local t = {}
for i = 1, 100 do t[i] = i end
check(table.sort, t, function(a, b) return true end)
local u = {}
for i = 1, 100 do u[i] = 100 - i end
local ok, msg = pcall(table.sort, u, function(a, b) return a <= b end)
print(ok or msg)
-- the error value of a failing comparator is propagated unchanged
local e = {}
local ok2, err = pcall(table.sort, {2, 1}, function() error(e) end)
print(ok2, err == e)
print(pcall(table.sort, {2, 1}, function() error("plain", 0) end))
print(pcall(table.sort, {2, 1}, function() error() end))
print "OK"
