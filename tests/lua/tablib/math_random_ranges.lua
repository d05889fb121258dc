-- math.random argument forms, ranges and result subtypes (no values printed)
local ok = true
local function expect(c) if not c then ok = false end end
for _ = 1, 500 do
  local r = math.random()
  expect(math.type(r) == "float" and r >= 0 and r < 1)
  local a = math.random(10)
  expect(math.type(a) == "integer" and a >= 1 and a <= 10)
  local b = math.random(-3, 3)
  expect(math.type(b) == "integer" and b >= -3 and b <= 3)
  local c = math.random(1, 1)
  expect(c == 1)
  local d = math.random(2.0)
  expect(d == 1 or d == 2)
  local e = math.random("5")
  expect(e >= 1 and e <= 5)
  local f = math.random(math.mininteger, -1)
  expect(math.type(f) == "integer" and f < 0)
  local g = math.random(-10, -5)
  expect(g >= -10 and g <= -5)
end
print(ok)
local seen = {}
for _ = 1, 2000 do seen[math.random(6)] = true end
local c = 0
for i = 1, 6 do if seen[i] then c = c + 1 end end
print(c)
print "OK"
