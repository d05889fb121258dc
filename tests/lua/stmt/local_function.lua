-- local function can recurse; local f = function cannot see itself
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local fib
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local g = function(n) return g end
print(g(1))
-- mutual recursion through forward-declared locals
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(10), is_odd(7), is_even(7))
-- a local function shadows a global of the same name
function shadowed() return "global" end
local function shadowed() return "local" end
print(shadowed(), _G.shadowed())
-- nested local functions
local function outer()
  local function inner(x) return x * 2 end
  return inner(21)
end
print(outer())
print "OK"
