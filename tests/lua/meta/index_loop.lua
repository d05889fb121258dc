-- a loop of __index or __newindex tables is detected
local a, b = {}, {}
setmetatable(a, { __index = b })
setmetatable(b, { __index = a })
print(pcall(function() return a.x end))
local c, d = {}, {}
setmetatable(c, { __newindex = d })
setmetatable(d, { __newindex = c })
print(pcall(function() c.x = 1 end))
-- a self loop
local e = {}
setmetatable(e, { __index = e })
print(pcall(function() return e.missing end))
-- a long but finite chain is fine
local t = { deep = "found" }
for i = 1, 1000 do t = setmetatable({}, { __index = t }) end
print(t.deep)
print "OK"
