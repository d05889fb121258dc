-- generators and accumulators
local function counter(start, step)
  local n = start - step
  return function() n = n + step; return n end
end
local c1, c2 = counter(1, 1), counter(10, -2)
print(c1(), c1(), c1(), c2(), c2())
local function accumulator()
  local total = 0
  return function(x) total = total + (x or 0); return total end
end
local acc = accumulator()
acc(5); acc(10)
print(acc(), acc(-3))
-- memoize with a closure over a table
local function memoize(f)
  local cache, calls = {}, 0
  return function(n)
    if cache[n] == nil then calls = calls + 1; cache[n] = f(n) end
    return cache[n]
  end, function() return calls end
end
local slowsq = function(n) return n * n end
local sq, ncalls = memoize(slowsq)
print(sq(4), sq(4), sq(5), ncalls())
-- memoized recursive fibonacci
local fib
fib = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80))
-- compose
local function compose(...)
  local fns = { ... }
  return function(x)
    for i = #fns, 1, -1 do x = fns[i](x) end
    return x
  end
end
print(compose(function(x) return x + 1 end, function(x) return x * 2 end)(5))
print "OK"
