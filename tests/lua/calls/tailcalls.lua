-- proper tail calls: unbounded depth without stack growth
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))
-- mutual tail recursion
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(1000001), odd(1000001))
-- tail calls through methods
local obj = { n = 0 }
function obj:count(k) if k == 0 then return self.n end self.n = self.n + 1 return self:count(k - 1) end
print(obj:count(300000))
-- tail calls with varargs
local function va(n, ...) if n == 0 then return select("#", ...), ... end return va(n - 1, ...) end
print(va(500000, "a", "b"))
-- a tail call into a native function
local function tostr(x) return tostring(x) end
print(tostr(12))
-- return (f(x)) is not a tail call but still returns one value
local function notail(n) if n == 0 then return 1, 2 end return (notail(n - 1)) end
print(notail(100))
-- tail calls through __call are tail calls as well
local callable = setmetatable({}, { __call = function(self, n) if n == 0 then return "done" end return self(n - 1) end })
print(callable(100000))
print "OK"
