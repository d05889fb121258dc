-- "n": hexadecimal numerals with fractions and binary exponents
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("0x1F 0XaB -0x10 0x.1 0x1.8 0x1p-2 0xA.8P1 0x7fffffffffffffff 0x 0xz")
f:close()
f = assert(io.open(name))
for i = 1, 10 do
  local v = f:read("n")
  print(i, v, math.type(v))
  if not v then print("", f:read(1)) end
end
f:close()
os.remove(name)
print "OK"
