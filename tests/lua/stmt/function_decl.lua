-- function statements: global, field, method, local
function gf(a, b) return a + b end
print(gf(1, 2))
local obj = { inner = { deep = {} } }
function obj.f(x) return "f" .. x end
function obj.inner.g(x) return "g" .. x end
function obj.inner.deep.h(x) return "h" .. x end
function obj:m(x) return self == obj, x end
function obj.inner.deep:n() return self == obj.inner.deep end
print(obj.f(1), obj.inner.g(2), obj.inner.deep.h(3))
print(obj:m(4))
print(obj.m(obj, 5))
print(obj.m(nil, 6))
print(obj.inner.deep:n())
-- a method's implicit self parameter comes first
function obj:count(...) return select("#", ...) end
print(obj:count(), obj:count(1, 2), obj.count(1, 2))
-- redefinition replaces
function gf() return "new" end
print(gf())
-- function expressions are values
local f = function(...) return ... end
print(f(1, nil, 3))
print(type(f), type(print))
-- parameters beyond the arguments are nil; extra arguments are dropped
local function p3(a, b, c) return a, b, c end
print(p3(1))
print(p3(1, 2, 3, 4))
-- function statements assign to globals through _ENV
local env = {}
local load_f = load("function gg() return 'in env' end", "chunk", "t", env)
load_f()
print(env.gg(), rawget(_G, "gg"))
print "OK"
