-- string.format %d accepts integers, integral floats and numeric strings
local f = string.format
print(f("%d", 3.0), f("%d", -0.0), f("%d", 2^53), f("%d", -2^63))
print(f("%d", "10"), f("%d", " 0x1F "), f("%d", "1e2"), f("%d", "-7"))
print(f("%i", "  12  "), f("%d", 1e15))
local function e(...) print(pcall(f, ...)) end
e("%d", 3.5)
e("%d", 2^63)
e("%d", -2^64)
e("%d", 1/0)
e("%d", 0/0)
e("%d", "3.5")
e("%d", "abc")
e("%d", "")
e("%d", {})
e("%d", nil)
e("%d", true)
e("%d")
e("%d %d", 1)
e("%i", "0x")
print "OK"
