-- count hooks count the hook function's own instructions too (the event is dropped while
-- inside the hook, but the counter keeps running), so a cheap loop sees ~2x the events
local n = 0
local function f() local s = 0 for i = 1, 100 do s = s + i end return s end
debug.sethook(function() n = n + 1 end, "", 7)
f()
debug.sethook()
print(n)
n = 0
debug.sethook(function() n = n + 1 end, "", 7)
local s = 0 for i = 1, 100 do s = s + i end
debug.sethook()
print(n)
print "OK"
