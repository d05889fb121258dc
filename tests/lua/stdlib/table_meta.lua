-- the table library honours __index, __newindex and __len (lua_geti/lua_seti/luaL_len)
local function check(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k store[k] = v end,
  __len = function() log[#log + 1] = "len" return #store end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "c")
print(table.concat(log, " "))
log = {}
print(table.concat(proxy, ","), table.concat(log, " "))
log = {}
print(table.remove(proxy, 1), table.concat(log, " "))
log = {}
print(table.unpack(proxy))
print(table.concat(log, " "))
log = {}
table.sort(proxy, function(a, b) return a > b end)
print(store[1], store[2], table.concat(log, " "))
-- a userdata-like proxy: any value whose metatable has the needed fields
local fields = {}
local fake = setmetatable({}, {__index = function(_, k) return k * 10 end, __len = function() return 3 end})
print(table.concat(fake, " "), table.unpack(fake))
-- __len must give an integer (or a string convertible to one)
check(function() table.insert(setmetatable({}, {__len = function() return 1.5 end}), 1) end)
check(function() table.insert(setmetatable({}, {__len = function() return "x" end}), 1) end)
check(function() table.insert(setmetatable({}, {__len = function() return nil end}), 1) end)
local s = setmetatable({}, {__len = function() return "2" end})
table.insert(s, "v")
print(s[3])
local f = setmetatable({}, {__len = function() return 2.0 end})
table.insert(f, "w")
print(f[3])
-- __index / __newindex tables (not functions) are followed too
local base = {10, 20, 30}
local view = setmetatable({}, {__index = base, __len = function() return #base end})
print(table.concat(view, "+"))
local sink = {}
local w = setmetatable({}, {__newindex = sink})
table.move({1, 2}, 1, 2, 1, w)
print(rawget(w, 1), sink[1], sink[2])
-- errors inside metamethods propagate
check(function() table.concat(setmetatable({}, {__index = function() error("idx") end, __len = function() return 1 end})) end)
check(function() table.insert(setmetatable({}, {__newindex = function() error("nidx") end}), "v") end)
-- __name shows in type errors
check(function() table.insert(io.stdout, 1) end)
check(function() table.concat(io.stdout) end)
print "OK"
