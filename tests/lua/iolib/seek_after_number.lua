-- positions after reads that look ahead
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("12abc 0x1fg 3.5e+x\nline\n"); f:close()
f = assert(io.open(name))
print(f:read("n"), f:seek("cur"))
print(f:read(3), f:seek("cur"))
print(f:read("n"), f:seek("cur"))
print(f:read(1), f:read("n"), f:seek("cur"))
print(f:read("l"), f:seek("cur"))
print(f:read("L"), f:seek("cur"))
print(f:read("l"), f:seek("cur"))
f:close()
os.remove(name)
print "OK"
