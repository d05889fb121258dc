-- seeded sequences mixing argument forms
math.randomseed(2024)
local out = {}
for i = 1, 6 do
  out[#out + 1] = string.format("%.8f", math.random())
  out[#out + 1] = tostring(math.random(i))
  out[#out + 1] = tostring(math.random(-i, i))
end
print(table.concat(out, " "))
math.randomseed(31337)
out = {}
for i = 1, 10 do out[i] = tostring(math.random(1 << 40)) end
print(table.concat(out, " "))
out = {}
print(pcall(math.random, math.mininteger, math.maxinteger))
print(pcall(math.random, -1, math.maxinteger))
for i = 1, 10 do out[i] = tostring(math.random(0, math.maxinteger)) end
print(table.concat(out, " "))
out = {}
for i = 1, 10 do out[i] = tostring(math.random(-(1 << 50), 1 << 50)) end
print(table.concat(out, " "))
print "OK"
