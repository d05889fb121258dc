-- the default input closed by hand; io.read then raises, io.input() still returns it
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("1\n2\n"); f:close()
local h = io.input(name)
print(io.read("n"))
h:close()
print(io.type(io.input()))
print(pcall(io.read, "n"))
print(pcall(io.lines))
print(pcall(io.input, io.input()))
io.input(io.stdin)
print(io.read())
os.remove(name)
print "OK"
