-- string.dump / load round trips of closures (after the official suite's
-- calls.lua): upvalues, varargs, nested functions, with and without strip
local function read1(x)   -- a reader that hands over one byte at a time
  local i = 0
  return function ()
    collectgarbage()
    i = i + 1
    return string.sub(x, i, i)
  end
end

local function both(f, check)
  for _, strip in ipairs({false, true}) do
    local g = assert(load(string.dump(f, strip), "=dumped", "b"))
    print(strip, check(g))
  end
end

-- a main chunk that sets a global, loaded whole and byte by byte
local x = string.dump(load("x = 1; return x"))
local a = assert(load(read1(x), nil, "b"))
print(a(), _G.x)
print(load(read1(x), nil, "t"))
print(load(x, nil, "t"))

-- _ENV not the first upvalue: the loaded function sees nil until it is set
local y; XX = 123
local function h ()
  local z = y   -- use 'y', so that it becomes the first upvalue
  return XX     -- global name
end
for _, strip in ipairs({false, true}) do
  local g = load(string.dump(h, strip), "", "b")
  print(debug.getupvalue(g, 2), pcall(g))
  debug.setupvalue(g, 2, _G)
  print(g())
end

-- upvalues: fresh (nil) in the loaded function, then set and shared
local a, b = 20, 30
for _, strip in ipairs({false, true}) do
  local g = load(string.dump(function (x)
    if x == "set" then a = 10+b; b = b+1 else
    return a
    end
  end, strip), "", "b", nil)
  print(g(), debug.setupvalue(g, 1, "hi"), g())
  print(debug.setupvalue(g, 2, 13), debug.setupvalue(g, 3, 10))
  g("set")
  print(g())
  g("set")
  print(g(), a, b)
end

-- a main chunk with many upvalues, joined to another closure's
do
  local nup = 200    -- maximum number of local variables
  local prog = {"local a1"}
  for i = 2, nup do prog[#prog + 1] = ", a" .. i end
  prog[#prog + 1] = " = 1"
  for i = 2, nup do prog[#prog + 1] = ", " .. i end
  local sum = 1
  prog[#prog + 1] = "; return function () return a1"
  for i = 2, nup do prog[#prog + 1] = " + a" .. i; sum = sum + i end
  prog[#prog + 1] = " end"
  prog = table.concat(prog)
  local f = assert(load(prog))()
  print(f() == sum, sum)
  for _, strip in ipairs({false, true}) do
    local g = load(string.dump(f, strip))
    local a = 10
    local h = function () return a end
    for i = 1, nup do
      debug.upvaluejoin(g, i, h, 1)
    end
    print(g() == 10 * nup, debug.getupvalue(g, 200))
  end
end

-- varargs
local function va(first, ...)
  local t = table.pack(...)
  return first, select("#", ...), t.n, ...
end
both(va, function (g) return g(1, nil, 3, nil) end)
both(function (...) return ... end, function (g) return g() end)
both(function (...) local a, b = ... return {...}, a, b end,
  function (g) local t, a, b = g(4, 5, 6) return #t, a, b end)

-- nested functions, created and called inside the loaded one
both(function (n)
  return function (m)
    return function (k)
      return function (...)
        return n + m + k + select("#", ...)
      end
    end
  end
end, function (g) return g(1)(10)(100)(nil, nil) end)
do
  local src = [[
    return function (x)
      return function (y)
       return function (z)
         return x+y+z
       end
     end
    end
  ]]
  local gen = assert(load(read1(src)))
  for _, strip in ipairs({false, true}) do
    local g = load(read1(string.dump(gen(), strip)))
    print(strip, g(2)(3)(10))
  end
end

-- closures over loop variables, each with its own upvalue
both(function ()
  local fs = {}
  for i = 1, 3 do fs[i] = function () i = i * 10 return i end end
  return fs[1]() + fs[2]() + fs[3](), fs[1]()
end, function (g) return g() end)

-- recursion through an upvalue: the loaded copy's upvalue is nil
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
both(fib, function (g)
  debug.setupvalue(g, 1, g)
  return g(15), debug.getupvalue(g, 1) ~= nil
end)

-- debug information kept or dropped by strip
both(function (p, q, ...) local r = p return debug.getinfo(1, "l").currentline end,
  function (g)
    local i = debug.getinfo(g, "S")
    return g(), i.linedefined, i.lastlinedefined, i.what, debug.getlocal(g, 1), debug.getlocal(g, 2)
  end)

-- a dump of a loaded function is loadable again
local twice = load(string.dump(load(string.dump(va), "=1", "b"), true), "=2", "b")
print(twice("a", "b"))
print "OK"
