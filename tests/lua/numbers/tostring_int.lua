-- integers print without a decimal point
local values = {
  0, 1, -1, 42, 1000000, math.maxinteger, math.mininteger, 1 << 62,
  -(1 << 62), 0x7fffffff, 0xffffffff, 123456789012345678, 10 // 3, 7 % 3,
  2^53 // 1 | 0, math.tointeger(3.0), 3 | 0, #"abc",
}
for i, v in ipairs(values) do print(i, v, tostring(v), math.type(v)) end
print(tostring(1) .. tostring(2))
print(string.format("%d %s %5d|%-5d|%05d", 42, 42, 42, 42, 42))
print "OK"
