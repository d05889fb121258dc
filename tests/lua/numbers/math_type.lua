-- math.type and type on numbers
local vals = { 1, 1.0, -0, -0.0, 2^31, 1 << 31, "1", "1.0", 0/0, 1/0, math.pi, math.maxinteger, {}, nil, true }
for i = 1, 15 do
  local v = vals[i]
  print(i, type(v), math.type(v))
end
print(pcall(math.type))
print(type(1 // 1), type(1 // 1.0), math.type(1 // 1), math.type(1 // 1.0))
print(math.type(3 % 2), math.type(3 % 2.0), math.type(2^1), math.type(7 // 2))
print(math.type(math.floor(1.5)), math.type(math.max(1, 2.0)), math.type(math.max(2, 1.0)))
print(math.type(tonumber("0x10")), math.type(tonumber("1e1")), math.type(tonumber("10", 36)))
print "OK"
