-- debug.traceback as a message handler, in coroutines, metamethods, iterators, long stacks
local function f() error("x") end
print(select(2, xpcall(f, debug.traceback)))
local co = coroutine.create(function() local x = nil; x() end)
print(coroutine.resume(co))
print(debug.traceback(co))
print(debug.traceback(co, nil, 1))
local t = setmetatable({}, {__index = function() return debug.traceback("idx") end})
print(t.x)
for _ in function() print(debug.traceback("iter")) end do end
local function rec(n) if n == 0 then return debug.traceback("deep") end return (rec(n-1)) end
print(rec(30))
print(debug.traceback("lvl0", 0))
print(pcall(debug.traceback, "pc"))
print(debug.traceback(coroutine.running(), "main thread obj"))
local g = coroutine.wrap(function() print(debug.traceback("in co")) end) g()
print(string.format("%s", debug.traceback("fmt", 2)))
print "OK"
