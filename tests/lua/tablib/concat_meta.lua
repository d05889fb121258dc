-- table.concat reads through __index and __len
local log = {}
local p = setmetatable({}, {
  __index = function(_, i) log[#log + 1] = i return "v" .. i end,
  __len = function() return 4 end,
})
print(table.concat(p, ","))
print(table.concat(log, " "))
log = {}
print(table.concat(p, ",", 3))
print(table.concat(log, " "))
log = {}
print(table.concat(p, ",", 2, 2))
print(table.concat(log, " "))
-- an explicit j does not consult __len
local called = false
local q = setmetatable({}, {__index = function(_, i) return i end, __len = function() called = true return 0 end})
print(table.concat(q, "+", 1, 3), called)
print(table.concat(q, "+"), called)
-- partially filled table + __index fallback
local base = setmetatable({"x", nil, "z"}, {__index = function(_, i) return "<" .. i .. ">" end})
print(table.concat(base, " ", 1, 3))
-- __len returning a float with integer value
print(table.concat(setmetatable({}, {__index = function(_, i) return i end, __len = function() return 3.0 end}), ""))
print(pcall(table.concat, setmetatable({}, {__len = function() return 2.5 end})))
print(pcall(table.concat, setmetatable({}, {__len = function() return {} end})))
-- values returned by __index must still be strings or numbers
print(pcall(table.concat, setmetatable({}, {__index = function() return true end, __len = function() return 2 end})))
print "OK"
