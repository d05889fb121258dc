-- call forms: string and table arguments, methods, chains
local function id(...) return ... end
local function count(...) return select("#", ...) end
print(id"str")
print(id[[long]])
print(id[==[level2]==])
print(#id{1, 2, 3})
print(count"a", count{}, count())
local obj = { name = "obj" }
function obj:greet(s) return self.name .. ":" .. tostring(s) end
print(obj:greet"hi")
print((obj:greet{}):match("^obj:table: ") ~= nil)
print(obj:greet[[long]])
local t = { a = { b = { c = obj } } }
print(t.a.b.c:greet "deep")
print(t["a"]["b"].c:greet("x"))
-- chained calls
local function curry(a) return function(b) return function(c) return a .. b .. c end end end
print(curry "x" "y" "z")
print(curry("1")("2")("3"))
print(curry{} and "table arg ok")
-- methods on string literals need parentheses
print(("abc"):upper(), ("%d"):format(42), ("x"):rep(3, ","))
print(#("abc"):rep(2))
-- a call may span lines: f\n(g) is one call in 5.3
local r = id
(5)
print(r)
local s = id
"next line"
print(s)
-- parenthesised expressions as prefixes
print((id)(7), (obj).name, ({ 10, 20 })[2], (("x")))
print "OK"
