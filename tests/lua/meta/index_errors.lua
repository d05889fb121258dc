-- indexing values that cannot be indexed
local function try(f) print(pcall(f)) end
local n, b, fn = 1, true, print
try(function() return n.x end)
try(function() return b.x end)
try(function() return fn.x end)
try(function() n.x = 1 end)
try(function() local t = {} return t.a.b end)
try(function() local t = {} t.a.b = 1 end)
try(function() return undefinedglobal.field end)
try(function() undefinedglobal.field = 1 end)
try(function() local s = "str" s.x = 1 end)
try(function() return (nil)[1] end)
try(function() local up = nil; return (function() return up.x end)() end)
try(function() local t = { a = {} } return t.a.b.c end)
try(function() local t = {} return t[1][2] end)
try(function() local t = {} local k = "key" return t[k].z end)
-- errors raised inside __index and __newindex functions
local t = setmetatable({}, { __index = function(_, k) error("index " .. k) end })
try(function() return t.foo end)
local u = setmetatable({}, { __newindex = function(_, k) error({ key = k }) end })
local ok, e = pcall(function() u.bar = 1 end)
print(ok, type(e), e.key)
-- __index of a wrong type
local w = setmetatable({}, { __index = 42 })
try(function() return w.x end)
local w2 = setmetatable({}, { __newindex = true })
try(function() w2.x = 1 end)
print "OK"
