-- closing a pipe before reading everything: the writer gets SIGPIPE
local p = io.popen("yes")
print(p:read("l"), p:read(3))
print(p:close())
p = io.popen("seq 1 100000")
print(p:read("n"))
print(p:close())
print "OK"
