-- write with many arguments at once
local name = os.tmpname()
local t = {}
for i = 1, 1000 do t[i] = i % 2 == 0 and i or tostring(i) end
local f = assert(io.open(name, "w"))
print(f:write(table.unpack(t)) == f)
f:close()
f = assert(io.open(name))
local s = f:read("a")
print(#s, s:sub(1, 12), s:sub(-8))
f:close()
os.remove(name)
print "OK"
