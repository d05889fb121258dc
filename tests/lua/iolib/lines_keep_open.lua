-- file:lines does not close the file at EOF; io.lines(name) does
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("a\nb"); f:close()
f = assert(io.open(name))
local n = 0
for l in f:lines() do n = n + 1 end
print(n, io.type(f), f:read("a"), f:seek("set", 0), f:read("l"))
f:close()
local it = io.lines(name)
print(it(), it(), it())
print(pcall(it))
os.remove(name)
print "OK"
