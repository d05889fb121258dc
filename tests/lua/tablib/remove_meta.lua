-- table.remove through proxies
local log = {}
local store = {"a", "b", "c", "d"}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "r" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "w" .. k .. "=" .. tostring(v) store[k] = v end,
  __len = function() log[#log + 1] = "#" return #store end,
})
print(table.remove(p))
print(table.concat(log, " "))
log = {}
print(table.remove(p, 1))
print(table.concat(log, " "))
log = {}
print(table.remove(p, 3))
print(table.concat(log, " "))
log = {}
print(table.concat(store, ","))
-- __len of 0 and pos given
local e = setmetatable({}, {__len = function() return 0 end, __index = function(_, k) return "I" .. k end})
print(table.remove(e))
print(table.remove(e, 0))
print(table.remove(e, 1))
print(pcall(table.remove, e, 2))
print "OK"
