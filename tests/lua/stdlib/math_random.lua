-- math.random: only ranges and errors (sequences are implementation specific)
math.randomseed(42)
local ok = true
for i = 1, 1000 do
  local r = math.random()
  if r < 0 or r >= 1 or math.type(r) ~= "float" then ok = false end
end
print(ok)
ok = true
local seen = {}
for i = 1, 1000 do
  local r = math.random(6)
  if r < 1 or r > 6 or math.type(r) ~= "integer" then ok = false end
  seen[r] = true
end
print(ok, #seen)
ok = true
for i = 1, 1000 do
  local r = math.random(-3, 3)
  if r < -3 or r > 3 then ok = false end
end
print(ok)
print(math.random(5, 5), math.random(1, 1))
print(pcall(math.random, math.mininteger, math.maxinteger))
print(math.type(math.random(math.mininteger, -1)), math.random(math.mininteger, -1) < 0)
print(pcall(math.random, 0))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
-- the same seed gives the same sequence
math.randomseed(7)
local a = { math.random(100), math.random(100), math.random(100) }
math.randomseed(7)
local b = { math.random(100), math.random(100), math.random(100) }
print(a[1] == b[1] and a[2] == b[2] and a[3] == b[3])
print "OK"
