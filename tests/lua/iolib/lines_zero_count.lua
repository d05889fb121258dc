-- read(0) checks for EOF without consuming: a lines(0) loop never ends by itself
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("ab"); f:close()
local n = 0
for s in io.lines(name, 0) do
  n = n + 1
  if n == 5 then break end
end
print(n)
f = assert(io.open(name))
local parts = {}
for z, c in f:lines(0, 1) do parts[#parts + 1] = string.format("%q%q", z, c) end
print(table.concat(parts, ","))
f:close()
os.remove(name)
print "OK"
