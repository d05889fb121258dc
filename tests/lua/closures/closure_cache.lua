-- Lua 5.3 reuses the last closure made from a prototype when its upvalues
-- would be the same objects (the prototype's closure cache), so two
-- evaluations of one function expression can be equal.
local function f() return function (x) return math.sin(_ENV[x]) end end
print("same upvalues", f() == f())

local function g(v) return function () return v end end
print("new upvalue each call", g(1) == g(1))

local shared = 0
local function h() return function () return shared end end
print("shared upvalue", h() == h())

local fresh = {}
for i = 1, 3 do fresh[i] = function () return i end end
print("loop variable", fresh[1] == fresh[2], fresh[2] == fresh[3])

local none = {}
for i = 1, 3 do none[i] = function () return 1 end end
print("no upvalues", none[1] == none[2], none[2] == none[3])

-- A different prototype never matches, even with the same upvalues.
local function k1() return function () return shared end end
local function k2() return function () return shared end end
print("other prototype", k1() == k2())

-- The cache is weak: the closure can still be collected, and the next
-- evaluation gives a working function.
local a = f()
a = nil
collectgarbage()
collectgarbage()
print("after collection", type(f()), f() == f())

-- debug.upvaluejoin changes what a cached closure captures: the next
-- evaluation no longer matches it.
local other = 1
local function m() return function () return shared end end
local c1 = m()
local function o() return other end
debug.upvaluejoin(c1, 1, o, 1)
print("after upvaluejoin", c1 == m(), c1(), m()())

-- Many prototypes and collections along the way.
local keep = {}
for i = 1, 5000 do
  keep[i % 50] = (function () return function () return i end end)()
  if i % 500 == 0 then collectgarbage() end
end
print("stress", keep[1](), keep[0]())
