-- upvalueid / upvaluejoin
local x, y = 1, 2
local function f() return x end
local function g() return x, y end
local function h() return y end
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 2))
print(debug.upvalueid(h, 1) == debug.upvalueid(g, 2))
print(type(debug.upvalueid(f, 1)))
debug.upvaluejoin(f, 1, h, 1)
print(f())
print(debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
y = 20
print(f(), g())
print(pcall(debug.upvalueid, f, 2))
print(pcall(debug.upvalueid, f, 0))
print(pcall(debug.upvaluejoin, f, 1, h, 5))
print(pcall(debug.upvaluejoin, f, 1, print, 1))
print(pcall(debug.upvaluejoin, print, 1, f, 1))
print(pcall(debug.upvalueid, print, 1))
-- closures from the same factory
local function mk() local n = 0; return function() n = n + 1; return n end end
local c1, c2 = mk(), mk()
print(debug.upvalueid(c1, 1) == debug.upvalueid(c2, 1))
debug.upvaluejoin(c2, 1, c1, 1)
c1(); c1()
print(c2())
print "OK"
