-- how write and io.write render numbers next to tostring
local name = os.tmpname()
local vals = {2^63, -2^63, 1e15, 1e16, 123456789012345678, 0.1 + 0.2, 5e-324, 1/3 * 3, 3.0, -0.0, 1e300 * 1e10, math.pi}
local f = assert(io.open(name, "w"))
for _, v in ipairs(vals) do f:write(v, "|") end
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()
local t = {}
for _, v in ipairs(vals) do t[#t + 1] = tostring(v) end
print(table.concat(t, "|"))
os.remove(name)
print "OK"
