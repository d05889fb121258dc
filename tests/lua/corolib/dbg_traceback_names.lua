-- names in tracebacks and getinfo for methods, metamethods, upvalues and C callbacks
local obj = {}
function obj:method() return debug.traceback("m") end
print(obj:method())
local mt = {__add = function() return debug.traceback("add") end, __eq = function() print(debug.traceback("eq")) return true end,
 __lt = function() print(debug.getinfo(1, "n").name) return true end, __call = function() return debug.getinfo(1,"n").name end,
 __concat = function() return debug.getinfo(1, "n").name end, __len = function() return debug.getinfo(1, "n").name end,
 __unm = function() return debug.getinfo(1,"n").name end, __newindex = function() print(debug.getinfo(1,"n").name) end,
 __le = function() print(debug.getinfo(1,"n").name) return true end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a + 1)
print(a == b)
print(a < b, a <= b, a > b)
print(a(), a .. 1, #a, -a)
a.x = 1
local up = function() return debug.traceback("up") end
local function viaup() return (up()) end
print(viaup())
print((string.gsub("x", "x", function() return debug.traceback("gsub") end)))
print(pcall(string.rep))
print(select(2, pcall(error)))
print "OK"
