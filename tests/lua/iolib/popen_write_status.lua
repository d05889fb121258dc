-- write pipes: status comes from the reader process
local p = io.popen("head -c 3 >/dev/null; exit 6", "w")
p:write("abcdef")
print(p:close())
p = io.popen("read x; test \"$x\" = hello", "w")
p:write("hello\n")
print(p:close())
p = io.popen("read x; test \"$x\" = hello", "w")
p:write("bye\n")
print(p:close())
print "OK"
