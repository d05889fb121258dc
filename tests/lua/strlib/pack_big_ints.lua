-- string.pack / unpack: integers wider than 8 bytes and overflow checks
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, n in ipairs({9, 12, 16}) do
  print(n, hex(string.pack("<i" .. n, -1)), hex(string.pack(">i" .. n, 1)), hex(string.pack("<I" .. n, 255)))
  print(n, string.unpack("<i" .. n, string.pack("<i" .. n, math.mininteger)))
  print(n, string.unpack(">i" .. n, string.pack(">i" .. n, math.maxinteger)))
  print(n, string.unpack("<I" .. n, string.pack("<I" .. n, -1)))
end
print(pcall(string.unpack, "<i9", "\0\0\0\0\0\0\0\0\1"))
print(pcall(string.unpack, "<I9", "\0\0\0\0\0\0\0\128\0"))
print(pcall(string.unpack, "<i9", "\0\0\0\0\0\0\0\128\255"))
print(pcall(string.unpack, "<i9", "\255\255\255\255\255\255\255\127\0"))
print(pcall(string.unpack, ">i16", string.rep("\0", 15) .. "\1"))
print(pcall(string.unpack, ">i16", "\1" .. string.rep("\0", 15)))
print(pcall(string.unpack, "<i16", string.rep("\255", 16)))
-- packing values that do not fit
print(pcall(string.pack, "i1", 127), pcall(string.pack, "i1", 128))
print(pcall(string.pack, "i1", -128), pcall(string.pack, "i1", -129))
print(pcall(string.pack, "I1", 255), pcall(string.pack, "I1", 256))
print(pcall(string.pack, "I1", -1))
print(pcall(string.pack, "i2", 40000))
print(pcall(string.pack, "I2", -1))
print(pcall(string.pack, "i7", 2^55))
print(pcall(string.pack, "i7", -2^55))
print(pcall(string.pack, "i7", 2^56))
print(pcall(string.pack, "i8", 1.5))
print(pcall(string.pack, "i8", "x"))
print(pcall(string.pack, "i8", 2^63))
print "OK"
