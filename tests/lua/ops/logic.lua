-- and / or return one of their operands and short-circuit
local vals = { nil, false, 0, "", "x" }
local names = { "nil", "false", "0", '""', '"x"' }
for i = 1, 5 do
  for j = 1, 5 do
    local a, b = vals[i], vals[j]
    print(names[i], names[j], tostring(a and b), tostring(a or b))
  end
end
-- right operands are not evaluated when not needed
local hits = 0
local function hit(v) hits = hits + 1; return v end
local _ = false and hit(1)
_ = nil and hit(1)
_ = 1 or hit(1)
_ = true or hit(1)
print(hits)
_ = true and hit(1)
_ = false or hit(1)
print(hits)
-- multiple results are truncated to one
local function two() return 1, 2 end
print(two() and two())
print(nil or two())
print((two()))
-- not always returns a boolean
print(not nil, not false, not 0, not "", not not {}, not not nil)
-- the idiom a and b or c
local function pick(c, x, y) return c and x or y end
print(pick(true, "yes", "no"), pick(false, "yes", "no"), pick(true, false, "fallback"))
-- comparison results in conditions
local n = 5
print(n > 3 and "big" or "small", n > 10 and "big" or "small")
print "OK"
