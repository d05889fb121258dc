-- many small writes, then line-by-line reading
local name = os.tmpname()
local f = assert(io.open(name, "w"))
for i = 1, 2000 do f:write(i, "\t", i * i, "\n") end
f:close()
local n, sum, sq = 0, 0, 0
for a, b in io.lines(name, "n", "n") do
  n = n + 1; sum = sum + a; sq = sq + b
end
print(n, sum, sq)
f = assert(io.open(name))
print(f:seek("end"))
f:close()
local longline = string.rep("z", 100000)
f = assert(io.open(name, "w")); f:write(longline, "\nshort\n"); f:close()
f = assert(io.open(name))
print(#f:read("l"), f:read("l"))
f:close()
os.remove(name)
print "OK"
