-- istailcall and tail-called frames
local function probe() local i = debug.getinfo(1, "t"); local j = debug.getinfo(2, "nS"); return i.istailcall, j.what end
local function tc() return probe() end
local function ntc() local a, b = probe(); return a, b end
print(tc())
print(ntc())
local function deep(n) if n == 0 then return debug.traceback("tail", 1) end return deep(n - 1) end
local tb = deep(3)
local lines = {}
for l in tb:gmatch("[^\n]+") do lines[#lines + 1] = l end
print(lines[1], lines[2])
print(lines[3])
print "OK"
