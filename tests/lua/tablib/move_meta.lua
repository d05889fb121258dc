-- table.move uses __index on the source and __newindex on the destination
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k return k * 10 end})
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = "w" .. k rawset(t, k, v) end})
table.move(src, 1, 3, 1, dst)
print(table.concat(log, " "))
print(rawget(dst, 1), rawget(dst, 2), rawget(dst, 3))
-- overlapping move within one proxy goes backwards
log = {}
local store = {1, 2, 3, 4}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "r" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "w" .. k store[k] = v end,
})
table.move(p, 1, 3, 2)
print(table.concat(log, " "))
print(table.concat(store, ","))
log = {}
table.move(p, 2, 4, 1)
print(table.concat(log, " "))
print(table.concat(store, ","))
-- into a different table: forward order even when overlapping indices
log = {}
local q = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = "w" .. k rawset(t, k, v) end})
table.move({1, 2, 3}, 1, 3, 2, q)
print(table.concat(log, " "))
-- move does not consult __len
print(pcall(table.move, setmetatable({}, {__len = function() error("no len") end}), 1, 2, 1))
print "OK"
