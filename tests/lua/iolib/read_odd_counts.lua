-- unusual read arguments: large counts, float counts, numeric strings
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("abc\n5\n"); f:close()
f = assert(io.open(name))
print(pcall(f.read, f, "5"))
print(pcall(f.read, f, "3"))
print(f:read(1000000))
f:seek("set")
print(pcall(f.read, f, 2.0^20))
print(pcall(f.read, f, 1, "l", nil))
f:close()
os.remove(name)
print "OK"
