-- string.pack / unpack: integer options b B h H i I l L j J T with endianness
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local opts = {"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8",
  "I1", "I2", "I3", "I4", "I5", "I7", "I8"}
for _, o in ipairs(opts) do
  local v = 100
  local le, be = string.pack("<" .. o, v), string.pack(">" .. o, v)
  print(o, string.packsize(o), hex(le), hex(be), string.unpack("<" .. o, le), string.unpack(">" .. o, be))
end
for _, o in ipairs({"b", "h", "i", "l", "j", "i3", "i5", "i7"}) do
  local v = -2
  local le = string.pack("<" .. o, v)
  print(o, hex(le), string.unpack("<" .. o, le), string.unpack("<I" .. string.packsize(o), le))
end
print(hex(string.pack("<i8", math.mininteger)), hex(string.pack(">j", math.maxinteger)))
print(string.unpack("<j", string.pack("<j", math.mininteger)), string.unpack(">J", string.pack(">J", -1)))
print(hex(string.pack("=i4", 1)) == hex(string.pack("<i4", 1)))
print(hex(string.pack("<b", 127)), hex(string.pack("<b", -128)), hex(string.pack("<B", 255)), hex(string.pack("<B", 0)))
print(hex(string.pack("<h", 32767)), hex(string.pack("<h", -32768)), hex(string.pack("<H", 65535)))
print(string.unpack("<b", "\255"), string.unpack("<B", "\255"), string.unpack("<h", "\255\127"), string.unpack("<h", "\0\128"))
print(string.unpack("<i3", "\255\255\127"), string.unpack("<i3", "\0\0\128"), string.unpack("<I3", "\0\0\128"))
print(hex(string.pack("<i4", 2.0)), hex(string.pack("<i4", "3")))
print "OK"
