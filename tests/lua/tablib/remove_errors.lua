-- table.remove errors
local function check(...) print(pcall(...)) end
check(table.remove)
check(table.remove, nil)
check(table.remove, {1, 2, 3}, 5)
check(table.remove, {1, 2, 3}, -1)
check(table.remove, {1, 2, 3}, 0)
check(table.remove, {}, -1)
check(table.remove, {}, 2)
check(table.remove, {1}, "x")
check(table.remove, {1}, 1.5)
check(table.remove, {1}, math.maxinteger)
check(table.remove, {1}, math.mininteger)
check(table.remove, "abc")
check(table.remove, {1}, nil)
check(table.remove, setmetatable({}, {__len = function() return "x" end}))
check(table.remove, setmetatable({}, {__len = function() return 1.5 end}))
print "OK"
