-- count hook fires and gethook reports mask and count
local n = 0
local function hook(ev) if ev == "count" then n = n + 1 end end
debug.sethook(hook, "", 100)
local f, m, c = debug.gethook()
print(f == hook, m, c)
local s = 0
for i = 1, 10000 do s = s + i end
debug.sethook()
print(n > 50, n < 1000)
print(debug.gethook())
debug.sethook(hook, "crl", 7)
local f2, m2, c2 = debug.gethook()
debug.sethook()
print(f2 == hook, m2, c2)
debug.sethook(hook, "lc")
local _, m3 = debug.gethook()
debug.sethook()
print(m3)
print(pcall(debug.sethook, 1, "l"))
print "OK"
