-- finalizers of objects collected together run in reverse order of marking
local order = {}
local function make(i)
  setmetatable({}, { __gc = function() order[#order + 1] = i end })
end
local function scope() for i = 1, 5 do make(i) end end
scope()
collectgarbage()
print(table.concat(order, " "))
print "OK"
