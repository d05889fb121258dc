-- getupvalue / setupvalue
local a, b, c = 1, "two", {}
local function f() return a, b, c end
for i = 1, 4 do print(i, debug.getupvalue(f, i)) end
print(debug.getupvalue(f, 0))
print(debug.setupvalue(f, 1, 100))
print(a, (f()))
print(debug.setupvalue(f, 5, 1))
-- _ENV as upvalue
local function g() return print end
print(debug.getupvalue(g, 1))
-- C function upvalues
print(debug.getupvalue(print, 1))
local w = coroutine.wrap(function() end)
local name, val = debug.getupvalue(w, 1)
print(name, type(val))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.setupvalue, f, 1))
-- shared between closures
local shared = 0
local function inc() shared = shared + 1 end
local function get() return shared end
debug.setupvalue(inc, 1, 10)
inc()
print(get())
print "OK"
