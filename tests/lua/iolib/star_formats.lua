-- formats with and without the 5.2-style "*" prefix; only the first letter counts
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("5 line\nnext\nrest"); f:close()
f = assert(io.open(name))
print(f:read("*number", "*line", "*Line", "*all"))
f:close()
f = assert(io.open(name))
print(f:read("n", "lx", "Lfoo", "all"))
f:close()
f = assert(io.open(name))
for _, fmt in ipairs({"*x", "*", "", "**l", "N", "A"}) do
  print(string.format("%q", fmt), pcall(f.read, f, fmt))
end
f:close()
os.remove(name)
print "OK"
