-- table.unpack errors
local function check(...) print(pcall(...)) end
check(table.unpack)
check(table.unpack, nil)
check(table.unpack, {}, 1, 1e7)
check(table.unpack, {}, 1, math.maxinteger)
check(table.unpack, {}, math.mininteger, math.maxinteger)
check(table.unpack, {}, 0, math.maxinteger)
check(table.unpack, {}, math.mininteger, -1)
check(table.unpack, {}, "a")
check(table.unpack, {}, 1, "b")
check(table.unpack, {}, 1.5)
check(table.unpack, {}, 1, 2.5)
check(table.unpack, setmetatable({}, {__len = function() return "x" end}))
check(table.unpack, setmetatable({}, {__len = function() return 1e9 end}))
print "OK"
