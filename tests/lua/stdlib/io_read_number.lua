-- read("n") follows the reference's numeral scanner (at most 200 characters)
local name = os.tmpname()
local f = io.open(name, "w")
f:write("0x 5 - 7 1e+ 8 . 9 nan inf 0x1p4 0X1P-1 1E2 00012 +5 ++5 0xg 0x.8 .5e1 5. -.5 0x1P+2 1e-2 ", "\n")
f:write(string.rep("1", 250), " 42\n")
f:write(string.rep("2", 199), " ", string.rep("3", 200), "x\n")
f:write("9223372036854775807 9223372036854775808 -9223372036854775808 0xffffffffffffffff 1e400\n")
f:write("  \t\n  12\n")
f:close()
f = io.open(name)
local out = {}
for i = 1, 30 do
  local v = f:read("n")
  out[#out + 1] = tostring(v) .. ":" .. (math.type(v) or "-")
  if not v then out[#out + 1] = "{" .. tostring(f:read(1)) .. "}" end
end
print(table.concat(out, " "))
print(f:read("l"))
print(f:read("n"), #f:read("l"))
local a = f:read("n")
print(a, math.type(a))
print(f:read("n"), f:read(1))
print(f:read("n", "n", "n", "n", "n"))
print(f:read("n"), f:read("n"))
f:close()
os.remove(name)
print "OK"
