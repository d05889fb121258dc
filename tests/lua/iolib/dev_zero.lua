-- reading fixed counts from an endless device
local f = assert(io.open("/dev/zero", "rb"))
local s = f:read(100000)
print(#s, s == string.rep("\0", 100000))
print(#f:read(5), f:read(0))
print(f:read("n"))
f:close()
f = assert(io.open("/dev/null"))
print(f:read("a"), f:read("l"), f:read(0))
f:close()
print "OK"
