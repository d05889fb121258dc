-- io.lines on a directory opens it, then the first read raises
local ok, it = pcall(io.lines, "/")
print(ok, type(it))
print(pcall(it))
local f = assert(io.open("/"))
print(f:read("a"))
print(f:read("n"))
print(pcall(function() for l in f:lines() do end end))
f:close()
print "OK"
