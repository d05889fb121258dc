-- infinite recursion is a catchable error
local function rec() return 1 + rec() end
local ok, err = pcall(rec)
print(ok, type(err), string.find(err, "stack overflow", 1, true) ~= nil)
-- the interpreter still works afterwards
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(1000))
-- infinite recursion through a metamethod
local t = setmetatable({}, {})
getmetatable(t).__index = function(tbl, k) return tbl[k] end
ok, err = pcall(function() return t.x end)
print(ok, string.find(err, "stack overflow", 1, true) ~= nil)
-- recursion through pcall itself
local function prec() return pcall(prec) end
print(prec() ~= nil)
-- a stack overflow inside xpcall runs the handler
ok, err = xpcall(rec, function(m) return "handled" end)
print(ok, err)
-- recursion with many arguments
local function wide(a, b, c, d, e, f, g, h) return wide(a, b, c, d, e, f, g, h) + 1 end
ok, err = pcall(wide, 1, 2, 3, 4, 5, 6, 7, 8)
print(ok, string.find(err, "stack overflow", 1, true) ~= nil)
print "OK"
