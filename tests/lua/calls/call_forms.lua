-- calls through every kind of expression
local t = { f = function(...) return "field", ... end, [1] = function() return "index" end }
local function ret(f) return f end
print(t.f(1))
print(t["f"](2))
print(t[1]())
print(ret(t.f)(3))
print((t.f)(4))
print((function(x) return "anon", x end)(5))
print(ret(ret)(ret)(t.f)(6))
print(select(2, t.f(7, 8)))
-- calling the result of a call with a string or table argument
local function mk(prefix) return function(s) return prefix .. (type(s) == "table" and #s or s) end end
print(mk "a:" "b", mk "n:" { 1, 2, 3 })
-- a call whose arguments are calls
print(math.max(math.min(5, 3), math.min(9, 7)), string.rep(string.char(65), 3))
-- recursive call through a table field that is reassigned
local M = {}
function M.f(n) if n == 0 then return "base" end return M.f(n - 1) end
local old = M.f
M.f = function(n) return "replaced " .. n end
print(old(3))
print "OK"
