-- table.concat converts numbers like tostring does
local vals = {1.0, -1.0, 0.1 + 0.2, 1/3, 1e15, 1e16, 123456789012345.0, 2^53, 2^63, -2^63,
              1e-5, 1e-4, 5e-324, 1.7976931348623157e308, math.huge, -math.huge, 3.14159265358979,
              100, -100, 0, math.maxinteger, math.mininteger, 255 // 1, 7 // 2.0, 2^-1074}
for i = 1, #vals do
  local a = table.concat({vals[i]})
  print(a, a == tostring(vals[i]))
end
local nan = table.concat({0/0})
print(nan == tostring(0/0))
print(table.concat({1, 2.0, "3", 4.5}, "+"))
print "OK"
