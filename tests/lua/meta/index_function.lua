-- __index as a function receives the table and the key
local log = {}
local t = setmetatable({ present = 1 }, {
  __index = function(tbl, k)
    log[#log + 1] = tostring(k)
    if k == "self" then return tbl end
    if type(k) == "number" then return k * 2 end
    return nil
  end,
})
print(t.present, t.absent, t[21], t.self == t, t[1.5])
print(table.concat(log, " "))
-- default values
local defaults = setmetatable({}, { __index = function() return 0 end })
defaults.x = defaults.x + 1
defaults.y = defaults.y + 5
print(defaults.x, defaults.y, defaults.z)
-- __index functions can chain into other tables with metatables
local inner = setmetatable({}, { __index = function(_, k) return "inner:" .. k end })
local outer = setmetatable({}, { __index = function(_, k) return inner[k] end })
print(outer.foo)
-- __index on a function value can only be set from the debug library: use tables only here
-- multiple returns are truncated to one
local multi = setmetatable({}, { __index = function() return 1, 2, 3 end })
print(multi.x)
-- errors inside __index propagate
local bad = setmetatable({}, { __index = function(_, k) error("no field " .. k) end })
print(pcall(function() return bad.zzz end))
print "OK"
