-- _ENV as an upvalue: sandboxing through setupvalue
local f = load("x = 1; return y")
print(debug.getupvalue(f, 1) == "_ENV")
local env = { y = "from sandbox" }
print(debug.setupvalue(f, 1, env))
print(f())
print(env.x, x)
-- a loaded chunk has _ENV as its upvalue even when it uses no globals
local g = load("local a = 1; return a")
print(debug.getupvalue(g, 1))
-- main chunk upvalue
local name = debug.getupvalue(debug.getinfo(1, "f").func, 1)
print(name)
-- upvalue order follows first use
local p, q, r = 1, 2, 3
local function h() return r, p end
print(debug.getupvalue(h, 1), debug.getupvalue(h, 2))
print "OK"
