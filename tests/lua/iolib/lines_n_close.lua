-- io.lines with "n" stops at the first non-number and closes the file
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("1 2 3 x 4"); f:close()
local it = io.lines(name, "n")
local got = {}
for v in it do got[#got + 1] = v end
print(table.concat(got, ","))
print(pcall(it))
f = assert(io.open(name))
got = {}
for v in f:lines("n") do got[#got + 1] = v end
print(table.concat(got, ","), io.type(f), f:read("a"))
f:close()
os.remove(name)
print "OK"
