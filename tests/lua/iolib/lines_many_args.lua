-- lines keeps its format list; too many formats is an error
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("abcdefghijkl")
f:close()
for a, b, c in io.lines(name, 1, 2, 3) do print(a, b, c) end
local args = {}
for i = 1, 300 do args[i] = 1 end
print(pcall(io.lines, name, table.unpack(args)))
f = assert(io.open(name))
print(pcall(f.lines, f, table.unpack(args)))
f:close()
os.remove(name)
print "OK"
