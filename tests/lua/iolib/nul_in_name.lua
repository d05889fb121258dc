-- C functions see a file name only up to its first NUL
local name = os.tmpname()
local f = assert(io.open(name .. "\0ignored", "w"))
f:write("nul")
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()
print(os.remove(name .. "\0x"))
local g, msg, code = io.open(name)
print(g, msg == name .. ": No such file or directory", code)
print "OK"
