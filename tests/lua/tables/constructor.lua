-- table constructors: positional, keyed, named, separators, multiple results
local function three() return 1, 2, 3 end
local t = { 10, 20, 30 }
print(#t, t[1], t[2], t[3])
t = { x = 1, ["y"] = 2, [3] = "three", [1 + 1] = "two" }
print(t.x, t.y, t[3], t[2])
t = { 1, 2; 3, x = "x"; 4, }
print(#t, t[4], t.x)
t = { three() }
print(#t, t[1], t[3])
t = { three(), three() }
print(#t, table.concat(t, ","))
t = { (three()) }
print(#t)
t = { three(), nil }
print(t[1], t[2], t[3])
t = { [1] = "keyed", "positional" }
print(t[1])
t = { "positional", [1] = "keyed" }
print(t[1])
t = { [1.0] = "float key", [2] = "int key" }
print(t[1], t[2.0])
t = { ... }
print(#t)
t = { f = function(self) return self.v end, v = 7 }
print(t:f())
-- nested constructors
t = { { 1, 2 }, { 3, { 4, 5 } }, n = { m = { "deep" } } }
print(t[1][2], t[2][2][1], t.n.m[1])
-- empty and trailing separators
print(#{}, #{ 1, }, #{ 1; })
-- expressions as keys are evaluated in order
local order = {}
local function k(v) order[#order + 1] = v; return v end
t = { [k("a")] = k(1), [k("b")] = k(2) }
print(table.concat(order, " "))
-- large constructors cross the batch size for SETLIST
local big = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
  21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, three() }
print(#big, big[50], big[51], big[60], big[63])
print "OK"
