-- evaluation order that the language defines
-- the function expression is evaluated before the arguments
local log = {}
local function L(name, v) log[#log + 1] = name; return v end
L("f", print and function(...) return ... end)(L("a1", 1), L("a2", 2))
print(table.concat(log, " "))
-- binary operands are evaluated left to right
log = {}
local _ = L("left", 1) + L("right", 2)
_ = L("l2", "a") .. L("m2", "b") .. L("r2", "c")
print(table.concat(log, " "))
-- table constructor items in order
log = {}
local t = { L("x", 1), k = L("y", 2), L("z", 3) }
print(table.concat(log, " "))
-- method call: the receiver once, then arguments
log = {}
local obj = { m = function(self, a) return a end }
L("recv", obj):m(L("arg", 1))
print(table.concat(log, " "))
-- and/or evaluate only as needed
log = {}
_ = L("a", false) and L("b", true)
_ = L("c", nil) or L("d", 1)
_ = L("e", 1) or L("f", 2)
print(table.concat(log, " "))
-- the right side of an assignment is fully evaluated before assigning
local a, b = 1, 2
a, b = b, a
print(a, b)
local arr = { 1, 2, 3 }
local i = 1
i, arr[i] = i + 1, "changed"
print(i, arr[1], arr[2])
print "OK"
