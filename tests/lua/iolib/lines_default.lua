-- io.lines() with no file reads the default input and does not close it
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("x\ny\n")
f:close()
local old = io.input()
io.input(name)
for l in io.lines() do print(l) end
print(io.type(io.input()))
print(io.read("l"))
io.input():close()
print(pcall(io.lines))
print(pcall(io.read))
io.input(old)
os.remove(name)
print "OK"
