-- numbers and lines that straddle typical buffer sizes
local name = os.tmpname()
local sizes = {511, 1023, 1024, 4093, 4094, 4095, 4096, 4097, 8190, 8191, 8192, 8193, 16383, 65535, 65536}
for _, pad in ipairs(sizes) do
  local f = assert(io.open(name, "w"))
  f:write(string.rep(" ", pad), "-12345.5e1 ", string.rep("y", pad), "\nz\n")
  f:close()
  f = assert(io.open(name))
  local v = f:read("n")
  local l = f:read("l")
  local z = f:read("L")
  print(pad, v, #l, z == "z\n", f:read("a") == "")
  f:close()
end
os.remove(name)
print "OK"
