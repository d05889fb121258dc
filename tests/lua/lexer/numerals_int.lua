-- integer numerals
local function show(v) print(v, math.type(v)) end
show(0)
show(3)
show(345)
show(007)
show(0xff)
show(0XFF)
show(0xA)
show(0xaBcD)
show(0x0)
show(9007199254740993)
show(1000000000000)
show(9223372036854775807)
show(-9223372036854775807)
assert(0x10 == 16 and 0xA == 10 and 0Xa == 10)
assert(math.type(1) == "integer" and math.type(0x1) == "integer")
print "OK"
