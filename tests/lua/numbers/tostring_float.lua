-- how floats print: %.14g, plus ".0" when the result looks like an integer
local values = {
  1e15, 1e16, 1e100, -0.0, 0.0, 1/0, -1/0, 2^63, -2^63, 2^53, 2^24,
  0.1, 1/3, -1/3, 2/3, 100.0, -1e308 * 10, 1e308 * 10, 3.14159265358979,
  123456789012.0, 1234567890123456.0, 12345678901234567.0, 0.5, 1e-5,
  1e-4, 123e-7, 5e-324, 1.7976931348623157e308, 2^-1074, 1e14, 99999999999999.0,
  999999999999999.0, 9999999999999999.0, 0.1 + 0.2, 100 / 3, 255 / 256, 1e300 * 1e10,
  -123.456, 7.0, -7.0, 65536.0 * 65536.0,
}
for i, v in ipairs(values) do print(i, v, tostring(v), math.type(v)) end
print(0/0 ~= 0/0)
-- nan prints through print as the C library writes it
print(0/0, -(0/0))
print(math.huge, -math.huge)
print(string.format("%.14g", 0.1), string.format("%.17g", 0.1))
print "OK"
