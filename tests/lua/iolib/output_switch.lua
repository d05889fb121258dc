-- io.output by name truncates; io.write goes to the current output
local name = os.tmpname()
local old = io.output()
local f = io.output(name)
print(io.type(f), io.output() == f, f ~= io.stdout)
io.write("line 1\n")
io.write(2, "\n")
io.output(old)
io.write("back on stdout\n")
f:close()
for l in io.lines(name) do print("file:", l) end
io.output(name)
io.write("again")
io.close()
print(io.type(f))
print(pcall(io.write, "x"))
io.output(io.stdout)
for l in io.lines(name) do print("file:", l) end
print(pcall(io.output, "/nonexistent-dir/x"))
os.remove(name)
print "OK"
