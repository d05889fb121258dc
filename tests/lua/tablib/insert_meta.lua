-- table.insert through __index/__newindex/__len: order of accesses
local log = {}
local store = {}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "r" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "w" .. k .. "=" .. tostring(v) store[k] = v end,
  __len = function() log[#log + 1] = "#" return #store end,
})
table.insert(p, "a")
table.insert(p, "b")
table.insert(p, "c")
print(table.concat(log, " "))
log = {}
table.insert(p, 2, "X")
print(table.concat(log, " "))
log = {}
table.insert(p, 5, "Y")
print(table.concat(log, " "))
print(table.concat(store, ","))
-- __len that lies: inserts land after the reported length
local lie = setmetatable({}, {__len = function() return 10 end})
table.insert(lie, "z")
print(rawget(lie, 11), rawlen(lie))
table.insert(lie, 11, "w")
print(rawget(lie, 11), rawget(lie, 12))
-- __len returning a numeric string
local s = setmetatable({}, {__len = function() return "3" end})
table.insert(s, "q")
print(rawget(s, 4))
print(pcall(table.insert, setmetatable({}, {__len = function() return "3.5" end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function() return math.huge end}), 1))
print "OK"
