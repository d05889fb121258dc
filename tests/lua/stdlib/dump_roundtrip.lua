-- string.dump / load round trips: what a loaded function computes, not the bytes
local function roundtrip(f, strip)
  local s = string.dump(f, strip)
  assert(type(s) == "string" and s:sub(1, 4) == "\27Lua")
  local g, err = load(s, "=rt", "b")
  assert(g, err)
  return g
end

-- plain functions, both with and without debug info
local function add(a, b) return a + b end
for _, strip in ipairs({false, true}) do
  local g = roundtrip(add, strip)
  print(g(2, 3), g(2.5, 1), math.type(g(1, 1)), math.type(g(1, 1.0)))
end

-- constants of every kind survive
local function consts()
  return nil, true, false, 0, -1, 9007199254740993, math.mininteger, 0.5, -0.0,
    1e300 * 1e10, "", "a\0b\255", ("x"):rep(100)
end
local r = table.pack(roundtrip(consts)())
for i = 1, r.n do io.write(tostring(r[i]), i < r.n and " " or "\n") end
print(math.type(r[6]), r[6] == 9007199254740993, #r[12], #r[13])

-- varargs
local function va(...)
  local n = select("#", ...)
  local t = {...}
  return n, #t, ...
end
print(roundtrip(va)(1, nil, 3))
print(roundtrip(va, true)())

-- nested functions, loops, closures created by the loaded function
local function maker(n)
  local fs = {}
  for i = 1, n do
    fs[i] = function(x) return x * i + n end
  end
  local total = 0
  for _, f in ipairs(fs) do total = total + f(10) end
  local acc = {}
  for k, v in pairs({a = 1, b = 2, c = 3}) do acc[#acc + 1] = k .. v end
  table.sort(acc)
  local i = 0
  while true do
    i = i + 1
    if i > 5 then break end
  end
  repeat i = i - 2 until i < 0
  goto skip
  total = -1
  ::skip::
  return total, table.concat(acc, ","), i, 7 // 2, 7 % -3, 2 ^ 10, 5 & 3 | 8 ~ 1, ~0, 1 << 62, "a" .. 1 .. 2.0
end
print(roundtrip(maker)(4))
print(roundtrip(maker, true)(4))

-- a big table constructor and many constants
local src = {"return function() return {"}
for i = 1, 600 do src[#src + 1] = i .. ".25," end
src[#src + 1] = "} end"
local big = load(table.concat(src))()
local t = roundtrip(big, true)()
print(#t, t[1], t[600], t[#t])

-- upvalues: fresh after loading; the first one gets the global table
local a, b = 10, 20
local function ups() return a, b end
local g = roundtrip(ups)
local x, y = g()
print(x == _G, y)
print(debug.setupvalue(g, 2, "set"), select(2, g()))
print(debug.getupvalue(g, 1), debug.getupvalue(g, 3))
-- a function whose only upvalue is _ENV keeps working
local function glob() return type(print), tostring(nil) end
print(roundtrip(glob)())
print(roundtrip(glob, true)())
-- _ENV as the second upvalue: it comes back nil
local function envsecond() return a, print end
print(pcall(roundtrip(envsecond)))
-- a local recursive function loses itself
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(pcall(roundtrip(fact), 5))

-- load's env argument becomes the first upvalue
local h = load(string.dump(function() return x_marks end), "=env", "b", {x_marks = "the spot"})
print(h())

-- a dumped function dumps again, and a main chunk round trips
local twice = load(string.dump(roundtrip(maker)))
print(twice(2))
local main = load("local a, b = ... return b, a", "=mainchunk")
local m = load(string.dump(main))
print(m(1, 2))
print(debug.getinfo(m, "S").source, debug.getinfo(m, "S").what)

-- a reader function may hand the chunk over in pieces
local s = string.dump(add)
local pos = 0
local pieces = load(function()
  if pos >= #s then return nil end
  local p = s:sub(pos + 1, pos + 7)
  pos = pos + 7
  return p
end)
print(pieces(40, 2))

-- coroutines inside loaded code
local co = roundtrip(function(n)
  local c = coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
  local out = {}
  for v in c do out[#out + 1] = v end
  return table.concat(out, " ")
end)
print(co(5))
print "OK"
