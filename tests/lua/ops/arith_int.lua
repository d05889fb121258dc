-- integer arithmetic stays integer and wraps around
local function show(v) print(v, math.type(v)) end
show(1 + 2)
show(10 - 20)
show(6 * 7)
show(-6 * 7)
show(math.maxinteger + 1)
show(math.mininteger - 1)
show(math.maxinteger * 2)
show(math.mininteger * -1)
show(-math.mininteger)
show(math.mininteger // -1)
show(math.mininteger % -1)
show(0x7fffffffffffffff + 0x7fffffffffffffff)
show(1 << 62 + 1)
show(3037000500 * 3037000500)
-- mixing with floats gives floats
show(1 + 2.0)
show(2.0 * 3)
show(10 - 0.5)
show(math.maxinteger + 1.0)
show(math.maxinteger + 0.0 == 2^63)
-- sums of many integers
local s = 0
for i = 1, 1000 do s = s + i * i end
show(s)
local p = 1
for i = 1, 25 do p = p * i end
show(p)
print "OK"
