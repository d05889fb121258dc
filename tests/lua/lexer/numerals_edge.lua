-- numerals at the edges of conversion
local function show(v) print(v, math.type(v)) end
-- long hexadecimal mantissas keep the low bits for integers
show(0x123456789abcdef0123)
-- hexadecimal floats with many digits
show(0x123456789abcdef.0)
show(0x.0000000000001p0)
show(0xffffffffffffffffff.0)
-- decimal floats with many digits
show(123456789012345678901234567890)
show(0.1e1)
show(1e308)
show(1e309)
show(-1e309)
show(1e-324)
show(2.5e-324)
show(123456789012345678)
-- numerals are never negative: '-' is an operator
show(- 1)
show(-0x10)
show(-0.0)
print(1/-0.0, 1/0.0)
print(math.maxinteger, math.mininteger)
print(string.format("%.0f", 1e15), 1e15)
print "OK"
