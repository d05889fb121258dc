-- closing a closed file raises; method calls on closed files raise
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(f:close())
print(pcall(f.close, f))
print(pcall(f.write, f, "x"))
print(pcall(f.read, f))
print(pcall(f.flush, f))
print(pcall(f.setvbuf, f, "no"))
print(pcall(io.close, f))
print(io.type(f))
os.remove(name)
print "OK"
