-- numeric for with floats
local function collect(a, b, c)
  local t = {}
  for i = a, b, c or 1 do t[#t + 1] = tostring(i) end
  return table.concat(t, " ")
end
print(collect(1.0, 3))
print(collect(1, 3, 0.5))
print(collect(0.1, 0.5, 0.1))
print(collect(1, 0, -0.25))
print(collect(1.5, 1.5))
print(collect(-1, 1, 1.0))
-- string numbers as bounds
print(pcall(collect, "1", 2))
print(pcall(collect, 1, "2"))
print(pcall(collect, 1, 2, "1"))
-- many small float steps
local n = 0
for x = 0, 1, 1/64 do n = n + 1 end
print(n)
for i = 1, 3 do
  local x = i / 2
  print(x, math.type(x))
end
print "OK"
