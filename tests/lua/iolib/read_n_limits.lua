-- "n" followed by other reads: lookahead is not lost
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("10abc 20\n30x40 0x1fz")
f:close()
f = assert(io.open(name))
print(f:read("n"), f:read(3))
print(f:read("n"), f:read("L"))
print(f:read("n"), f:read(1), f:read("n"))
print(f:read("n"), f:read("a"))
f:close()
os.remove(name)
print "OK"
