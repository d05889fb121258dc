-- popen in read mode, with various formats
local p = assert(io.popen("echo hello; echo 42 7; printf 'no newline'"))
print(io.type(p))
print(p:read("l"))
print(p:read("n", "n"))
print(p:read("L") == "\n")
print(p:read("a"))
print(p:read("a"), p:read("l"))
print(p:close())
p = io.popen("printf 'a\\nb\\nc\\n'")
for l in p:lines() do io.write(l, ";") end
print()
p:close()
print "OK"
