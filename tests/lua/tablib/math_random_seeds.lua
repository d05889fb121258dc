-- math.randomseed then value sequences (reference: glibc random())
local function row(...)
  local out = {}
  for i = 1, 8 do out[i] = tostring(math.random(...)) end
  print(table.concat(out, " "))
end
for _, seed in ipairs({2, 3, 10, 99, 1000, 65535, 2^31 - 1, 2^31, 2^32 + 1, -1, 0.5, -0.5}) do
  math.randomseed(seed)
  row(100)
end
math.randomseed(77)
row(-100, 100)
row(1, 2)
row(0, 1)
math.randomseed(77)
local a = math.random(1000)
math.randomseed(77)
print(a == math.random(1000))
math.randomseed(5)
local out = {}
for i = 1, 5 do out[i] = string.format("%.10f", math.random()) end
print(table.concat(out, " "))
math.randomseed("12")
row(50)
math.randomseed(12)
row(50)
print "OK"
