-- line lengths around buffer sizes read with l, L and counts
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local lens = {0, 1, 4095, 4096, 4097, 8191, 8192, 8193, 20000}
for _, n in ipairs(lens) do f:write(string.rep("q", n), "\n") end
f:write("tail")
f:close()
for l in io.lines(name) do io.write(#l, " ") end
print()
for l in io.lines(name, "L") do io.write(#l, " ") end
print()
local total = 0
for c in io.lines(name, 4096) do total = total + #c end
print(total)
f = assert(io.open(name))
f:seek("set", 4096)
print(#f:read("l"), f:seek("cur"))
f:close()
os.remove(name)
print "OK"
