-- a.a.a... and other long suffix chains of 100,000
local N = 100000
local f, err = load("local a = ... return a" .. (".a"):rep(N))
print(f ~= nil, err)
local a = {}
a.a = a
print(f(a) == a)
f, err = load("local a = ... return a" .. ("[1]"):rep(N))
print(f ~= nil, err)
local b = {}
b[1] = b
print(f(b) == b)
f, err = load("local a = ... return a" .. (":m()"):rep(N))
print(f ~= nil, err)
local obj = {}
function obj:m() return self end
print(f(obj) == obj)
f, err = load("local g = ... return g" .. ("()"):rep(N))
print(f ~= nil, err)
local function g() return g end
print(f(g) == g)
-- assignment through a long chain
f, err = load("local a = ... a" .. (".a"):rep(N) .. ".x = 'set'")
print(f ~= nil, err)
f(a)
print(a.x)
print "OK"
