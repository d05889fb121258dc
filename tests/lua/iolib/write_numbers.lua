-- numbers are written as %.14g floats and %d integers
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write(1, " ", 1.0, " ", -0.0, " ", 1/3, " ", 1e100, " ", 2^53, " ", math.maxinteger, " ", math.mininteger, "\n")
f:write(1/0, " ", -1/0, " ", 123456789012345.0, " ", 0.1, " ", 100 // 1, " ", 7 // 2.0, "\n")
f:close()
f = assert(io.open(name))
print(f:read("l"))
local l = f:read("l")
print((l:gsub("nan", "NAN")))
f:close()
os.remove(name)
print "OK"
