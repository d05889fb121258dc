-- os.tmpname gives distinct names of files that can be written
local a, b = os.tmpname(), os.tmpname()
print(type(a), a ~= b, #a > 0)
local f = assert(io.open(a, "w"))
f:write("x")
f:close()
print(os.remove(a))
print(os.remove(b))
print(select("#", os.remove(b)))
print "OK"
