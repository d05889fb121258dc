-- arguments: evaluated once, left to right, adjusted to the call
local n = 0
local function next_n() n = n + 1; return n end
local function three(a, b, c) return a, b, c end
print(three(next_n(), next_n(), next_n()))
print(three(next_n()))
-- a call used as a statement discards all results
next_n()
print(n)
-- nested calls as arguments expand only in the last position
local function two() return "x", "y" end
print(three(two(), two()))
print(three(two(), "mid", two()))
-- arguments that error stop the call before it happens
local called = false
local function mark() called = true end
print(pcall(function() mark(nil .. "x") end), called)
print "OK"
