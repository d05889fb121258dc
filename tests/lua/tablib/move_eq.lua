-- table.move picks the backwards copy when the destination is the source by __eq (lua_compare)
local log = {}
local mt = {__eq = function() return true end}
local function logged(name, store)
  return setmetatable({}, {
    __index = function(_, k) log[#log + 1] = name .. "r" .. k return store[k] end,
    __newindex = function(_, k, v) log[#log + 1] = name .. "w" .. k store[k] = v end,
    __eq = mt.__eq,
  })
end
local a = logged("a", {1, 2, 3})
local b = logged("b", {})
print(a == b)
table.move(a, 1, 3, 2, b)
print(table.concat(log, " "))
log = {}
local c = logged("c", {})
local d = setmetatable({}, {__newindex = function(_, k) log[#log + 1] = "dw" .. k end})
print(c == d)
table.move(a, 1, 3, 2, d)
print(table.concat(log, " "))
log = {}
-- t <= f or t > e: forward order even for the same table
table.move(a, 2, 3, 1)
print(table.concat(log, " "))
log = {}
table.move(a, 1, 2, 4)
print(table.concat(log, " "))
print "OK"
