-- table.unpack honours __index and __len, and works on any indexable value
local log = {}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k return k * k end,
  __len = function() log[#log + 1] = "#" return 4 end,
})
print(table.unpack(p))
print(table.concat(log, " "))
log = {}
print(table.unpack(p, 2, 3))
print(table.concat(log, " "))
log = {}
print(table.unpack(p, 3))
print(table.concat(log, " "))
-- strings have __index = string, so unpack looks up integer keys there
print(table.unpack("abc", 1, 2))
print(pcall(table.unpack, "abc"))
-- __index chain through tables
local a = {1, 2, 3}
local b = setmetatable({}, {__index = a})
print(table.unpack(b, 1, 3))
print(table.unpack(b))
print "OK"
