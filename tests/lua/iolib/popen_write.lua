-- popen in write mode feeds the command's stdin
io.stdout:setvbuf("no")
local p = assert(io.popen("cat", "w"))
print(p:write("to cat\n", 1, " ", 2.5, "\n") == p)
print(p:close())
p = assert(io.popen("tr a-z A-Z", "w"))
p:write("shout\n")
p:flush()
print(p:close())
p = assert(io.popen("wc -c", "w"))
p:write(string.rep("x", 1000))
print(p:close())
print "OK"
