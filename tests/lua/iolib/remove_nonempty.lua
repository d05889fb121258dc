-- removing a non-empty directory fails with ENOTEMPTY
local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir " .. dir)
local f = assert(io.open(dir .. "/inner", "w")); f:close()
local a, b, c = os.remove(dir)
print(a, b == dir .. ": Directory not empty", c)
print(os.remove(dir .. "/inner"))
print(os.remove(dir))
print(select(2, os.remove(dir)) == dir .. ": No such file or directory")
print "OK"
