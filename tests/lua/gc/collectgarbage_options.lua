-- collectgarbage options: print only stable facts
print(collectgarbage())
print(collectgarbage("collect"))
local kb = collectgarbage("count")
print(type(kb), math.type(kb), kb > 0)
print(select("#", collectgarbage("count")))
print(type(collectgarbage("step")), type(collectgarbage("step", 100)))
print(collectgarbage("isrunning"))
print(collectgarbage("stop"))
print(collectgarbage("isrunning"))
print(collectgarbage("restart"))
print(collectgarbage("isrunning"))
local p = collectgarbage("setpause", 150)
print(math.type(p), collectgarbage("setpause", p))
local s = collectgarbage("setstepmul", 300)
print(math.type(s), collectgarbage("setstepmul", s))
-- 5.4 options do not exist in 5.3
print(pcall(collectgarbage, "incremental"))
print(pcall(collectgarbage, "generational"))
print(pcall(collectgarbage, "bogus"))
print(pcall(collectgarbage, 1))
-- memory goes down after dropping a big structure
local function alloc() local t = {} for i = 1, 100000 do t[i] = { i } end return t end
local big = alloc()
collectgarbage()
local before = collectgarbage("count")
big = nil
collectgarbage()
local after = collectgarbage("count")
print(after < before)
print "OK"
