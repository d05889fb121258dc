-- reading a write-only file and writing a read-only one fail softly
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(f:read("l"))
print(f:read("a"))
print(f:read(1))
f:close()
f = assert(io.open(name, "r"))
local r, msg, code = f:write("x")
print(r == f or r, msg, code)
print(f:flush())
print(f:close())
os.remove(name)
print "OK"
