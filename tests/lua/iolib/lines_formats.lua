-- file:lines and io.lines with formats
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("1 2\n3 4\n5 6\n")
f:close()
f = assert(io.open(name))
for a, b in f:lines("n", "n") do print(a, b, a + b) end
f:close()
for l in io.lines(name, "L") do io.write("[", l, "]") end
print()
for c in io.lines(name, 2) do io.write("<", c, ">") end
print()
for a, rest in io.lines(name, 1, "l") do print(a, rest) end
local n = 0
for s in io.lines(name, "a") do n = n + 1; print(n, #s); if n > 2 then break end end
os.remove(name)
print "OK"
