-- argument adjustment: missing become nil, extras are dropped
local function f(a, b, c) return a, b, c end
print(f())
print(f(1))
print(f(1, 2, 3, 4, 5))
local function g(a, b) return select("#", a, b) end
print(g(), g(1, 2, 3))
-- arguments are evaluated left to right before the call
local order = {}
local function arg(v) order[#order + 1] = v; return v end
f(arg(1), arg(2), arg(3))
print(table.concat(order, ","))
-- nil arguments are still arguments for natives
print(pcall(type))
print(type(nil))
print(select("#", nil), select("#"))
print(pcall(tostring))
print(tostring(nil))
-- functions are first-class: stored, passed, returned
local function apply(fn, ...) return fn(...) end
print(apply(math.max, 3, 9, 4), apply(string.rep, "ab", 3))
local ops = { add = function(x, y) return x + y end, mul = function(x, y) return x * y end }
print(ops.add(2, 3), ops["mul"](2, 3))
print "OK"
