-- write errors surface at flush/close (and at write when unbuffered)
local f = assert(io.open("/dev/full", "w"))
print(f:write("x") == f)
print(f:flush())
print(f:close())
f = assert(io.open("/dev/full", "w"))
f:setvbuf("no")
print(f:write("y"))
print(pcall(function() return f:write("z"):write("w") end)) -- the chain breaks on nil
f:close()
print "OK"
