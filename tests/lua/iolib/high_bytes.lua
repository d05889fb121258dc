-- bytes >= 0x80 and control bytes pass through unchanged
local name = os.tmpname()
local s = "caf\xc3\xa9 \xff\xfe\x80\x01\x7f\n\x00\n"
local f = assert(io.open(name, "wb")); f:write(s); f:close()
f = assert(io.open(name, "rb"))
local l1 = f:read("l")
print(#l1, l1:byte(1, -1))
local l2 = f:read("L")
print(#l2, l2:byte(1, -1))
f:close()
for l in io.lines(name) do io.write(#l, " ") end
print()
os.remove(name)
print "OK"
