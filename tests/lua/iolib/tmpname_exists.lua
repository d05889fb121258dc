-- the name from os.tmpname already exists (mkstemp creates it) and is empty
local name = os.tmpname()
local f = io.open(name, "r")
print(io.type(f))
if f then print(string.format("%q", f:read("a"))); f:close() end
print(os.remove(name))
print "OK"
