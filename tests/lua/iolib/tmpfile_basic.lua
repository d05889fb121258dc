-- io.tmpfile is a read/write file removed automatically
local f = io.tmpfile()
print(io.type(f))
print(f:write("temp data\n", 42, "\n") == f)
print(f:seek("cur"))
f:seek("set")
print(f:read("l"), f:read("n"))
print(f:seek("end"))
f:write("more")
f:seek("set", 0)
print(f:read("a"))
print(f:close())
print(io.type(f))
local g = io.tmpfile()
g:write("x")
g = nil
collectgarbage()
print "OK"
