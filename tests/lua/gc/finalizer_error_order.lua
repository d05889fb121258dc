-- finalizers left pending by an error in __gc run first in the next cycle;
-- a non-string error object is reported as "no message"
collectgarbage("stop")
local order = {}
local mt = {__gc = function(o)
  order[#order + 1] = o.id
  if o.id == 8 then error("finalizer " .. o.id .. " failed") end
end}
for i = 6, 10 do setmetatable({id = i}, mt) end
print(pcall(collectgarbage))
print("first cycle:", table.concat(order, ","))
for i = 1, 5 do setmetatable({id = i}, mt) end
order = {}
print(pcall(collectgarbage))
print("second cycle:", table.concat(order, ","))
setmetatable({}, {__gc = function() error({}) end})
print(pcall(collectgarbage))
collectgarbage("restart")
print "OK"
