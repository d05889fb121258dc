-- how floats become strings (%.14g) across the number line
local vals = {0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e14, 1e15, 1e16, 123456789012345.0, 1234567890123456.0,
  1e-4, 1e-5, 1.5e-7, 3.0, -3.0, 1e100, 2^53, 2^63, 2^64, 1e308 * 10, -1e308 * 10, 0.1 * 3, 100 / 3, 5e-324,
  12.5, 1e21, 255 / 256}
for _, v in ipairs(vals) do
  print(tostring(v), v .. "", string.format("%s", v), string.format("%.14g", v) == tostring(v) or "float-suffix")
end
print(3 / 1, 7 // 2.0, 2^2, 10 / 2, -0.0, 0.0, 1e0)
print(math.pi, -math.pi, math.maxinteger + 0.0, math.mininteger + 0.0)
print "OK"
