-- a strict mode on the global table through __index/__newindex
local declared = {}
setmetatable(_G, {
  __newindex = function(t, k, v)
    if not declared[k] then
      local info = "assign to undeclared global '" .. tostring(k) .. "'"
      error(info, 2)
    end
    rawset(t, k, v)
  end,
  __index = function(_, k) error("read of undeclared global '" .. tostring(k) .. "'", 2) end,
})
local function declare(name, v) declared[name] = true; rawset(_G, name, v) end
declare("counter", 0)
counter = counter + 1
print(counter)
print(pcall(function() undeclared_var = 1 end))
print(pcall(function() return another_undeclared end))
-- rawget still works
print(rawget(_G, "nope"))
-- existing globals are untouched by the metamethods
print(type(print), type(string))
setmetatable(_G, nil)
newly_allowed = "fine"
print(newly_allowed)
print "OK"
