-- assorted runtime error messages
local function try(f, ...) print(select(2, pcall(f, ...))) end
try(function() local a = {} ; a.b.c.d = 1 end)
try(function() local s = "x" return s.y.z end)
try(function() return #(nil) end)
try(function() return ("x")() end)
try(function() local t = setmetatable({}, { __call = 1 }) return t() end)
try(function() return math.huge // 0 end)
try(function() return ({}).x.y end)
try(function() local a = "10" + {} end)
try(function() return 2 ^ {} end)
try(function() return {} .. {} end)
try(function() return -nil end)
-- unbounded recursion through __index: only the kind of error is stable
print((select(2, pcall(function() return setmetatable({}, { __index = function(t, k) return t[k] end }).a end))):find("stack overflow", 1, true) ~= nil)
try(function(...) local a, b = ... return a.x end, nil)
try(function() string.format("%d", {}) end)
try(function() return next({}, 1) end)
try(function() return select("#", ipairs(nil)) end)
print "OK"
