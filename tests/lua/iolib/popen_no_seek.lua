-- pipes cannot seek; reads still work after a failed seek
local p = io.popen("echo 123 456")
print(p:seek("set", 0))
print(p:seek("cur"))
print(p:read("n"), p:read("n"), p:read("l"), p:read("l"))
p:close()
p = io.popen("cat >/dev/null", "w")
print(p:read("l"))
print(p:close())
print "OK"
