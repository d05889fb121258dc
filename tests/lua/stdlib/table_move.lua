-- table.move
local t = { 1, 2, 3, 4, 5 }
table.move(t, 2, 4, 1)
print(table.concat(t, ","))
t = { 1, 2, 3, 4, 5 }
table.move(t, 1, 3, 3)
print(table.concat(t, ","))
local dst = table.move({ 1, 2, 3 }, 1, 3, 2, { "a" })
print(table.concat(dst, ","))
print(#table.move({}, 1, 0, 1, { "x" }))
t = table.move({ 1, 2, 3 }, 1, 3, 1)
print(table.concat(t, ","))
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, { 1 }, 1, 1))
print(pcall(table.move, 1, 1, 1, 1))
-- table.move respects metamethods
local log = {}
local src = setmetatable({}, { __index = function(_, i) return i * 10 end })
local sink = setmetatable({}, { __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. v end })
table.move(src, 1, 3, 5, sink)
print(table.concat(log, " "))
print "OK"
