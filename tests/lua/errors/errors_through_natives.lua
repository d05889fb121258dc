-- errors raised in Lua callbacks cross native functions
print(pcall(string.gsub, "abc", "%w", function(c) error("in gsub: " .. c, 0) end))
print(pcall(table.sort, { 3, 2, 1 }, function(a, b) error("in sort", 0) end))
print(pcall(tostring, setmetatable({}, { __tostring = function() error("in tostring", 0) end })))
print(pcall(load, function() error("in reader", 0) end))
print(pcall(string.rep, setmetatable({}, { __index = function() error("never") end }), 2))
-- a Lua error value that is a table passes through natives unchanged
local e = { tag = "obj" }
local ok, got = pcall(string.gsub, "x", "x", function() error(e) end)
print(ok, got == e)
-- errors from natives called from Lua functions in callbacks
print(pcall(string.gsub, "a", "a", function() return string.rep() end))
-- select("#") of error results
print(select("#", pcall(error)))
print "OK"
