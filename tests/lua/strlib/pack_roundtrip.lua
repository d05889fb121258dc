-- string.pack / unpack round trips over mixed formats
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local fmts = {
  {"<i4 d z s2 B", -5, 2.25, "zstr", "sstr", 200},
  {">I2 b c4 f j", 65535, -100, "four", 1.5, math.mininteger},
  {"=h H l L", -32768, 0, -1, 12345},
  {"!<i2 d b i8", 1, 2, 3, 4},
  {"!>b j b T", 1, 2, 3, 4},
  {"<s1 s1 s1", "", "a", "bb"},
  {">i3 I3 i5 I5", -8388608, 16777215, -1, 1099511627775},
}
for _, f in ipairs(fmts) do
  local fmt = f[1]
  local packed = string.pack(fmt, table.unpack(f, 2))
  local res = {string.unpack(fmt, packed)}
  for i = 1, #res do res[i] = tostring(res[i]) end
  print(fmt, #packed, hex(packed))
  print("", table.concat(res, " "))
end
-- a native-endian round trip does not depend on the host order
print(string.unpack("=i4", string.pack("=i4", 123456)), string.unpack("i8", string.pack("i8", -42)))
print(string.unpack("<j", string.pack(">j", 1)) == 1 << 56)
print "OK"
