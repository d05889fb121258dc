-- math.random over C's random(): ranges, and the reference's sequences on glibc
local function row(n, ...)
  local out = {}
  for i = 1, n do out[i] = tostring(math.random(...)) end
  print(table.concat(out, " "))
end
-- no seeding: the C library's default state
row(5)
row(10, 100)
row(10, -5, 5)
math.randomseed(42)
row(3)
row(10, 6)
math.randomseed(0)
row(10, 1000)
math.randomseed(1)
row(10, 1000)
math.randomseed(-7)
row(5, 1000)
math.randomseed(2^40 + 5)
row(5, 1000)
math.randomseed(3.9)
row(5, 1000)
math.randomseed(123)
row(3, math.maxinteger)
row(3, math.mininteger, -1)
row(3, 0, math.maxinteger)
print(math.random(7, 7), math.random(math.maxinteger, math.maxinteger), math.random(math.mininteger, math.mininteger))
local ok = true
for i = 1, 2000 do
  local a = math.random()
  local b = math.random(3)
  if a < 0 or a >= 1 or b < 1 or b > 3 or math.type(b) ~= "integer" then ok = false end
end
print(ok)
print "OK"
