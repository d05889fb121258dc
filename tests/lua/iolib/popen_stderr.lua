-- the child's stderr is inherited; stdout goes to the pipe
io.stdout:setvbuf("no")
local p = io.popen("echo out; echo err 1>&2")
print(p:read("a"))
print(p:close())
p = io.popen("nonexistent_command_wlua_test 2>/dev/null; echo $?")
print(p:read("l"))
print(p:close())
p = io.popen("nonexistent_command_wlua_test 2>/dev/null")
print(p:read("a"), p:close())
print "OK"
