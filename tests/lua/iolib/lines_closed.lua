-- iterators over closed files raise "file is already closed"
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("a\nb\nc\n")
f:close()
f = assert(io.open(name))
local it = f:lines()
print(it())
f:close()
print(pcall(it))
print(pcall(f.lines, f))
-- io.lines closes the file at EOF; calling again raises
local it2 = io.lines(name)
print(it2(), it2(), it2(), it2())
print(pcall(it2))
os.remove(name)
print "OK"
