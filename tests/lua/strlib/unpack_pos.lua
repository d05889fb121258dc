-- string.unpack: the init argument and the returned position
local s = string.pack("<i2i2i2", 1, 2, 3)
print(string.unpack("<i2", s), string.unpack("<i2", s, 3), string.unpack("<i2", s, 5), string.unpack("<i2", s, -2))
print(string.unpack("<i2", s, -6), string.unpack("<i2i2", s, 2))
print(string.unpack("", s), string.unpack("", s, 7), string.unpack("", s, -1))
print(pcall(string.unpack, "<i2", s, 6))
print(pcall(string.unpack, "<i2", s, 7))
print(pcall(string.unpack, "", s, 8))
print(pcall(string.unpack, "<i2", s, 0))
print(pcall(string.unpack, "<i2", s, -7))
print(pcall(string.unpack, "<i2", s, 1.5))
print(pcall(string.unpack, "<i2", s, "x"))
print(string.unpack("<i2", s, "3"), string.unpack("<i2", s, 3.0))
print(pcall(string.unpack, "<i2", s, math.mininteger))
print(pcall(string.unpack, "<i2", s, math.maxinteger))
-- iterate a packed buffer
local buf = string.pack("<s1s1s1", "one", "two", "three")
local pos, out = 1, {}
while pos <= #buf do
  local v
  v, pos = string.unpack("<s1", buf, pos)
  out[#out + 1] = v
end
print(table.concat(out, ","), pos)
print(select("#", string.unpack("<bbbb", "\1\2\3\4")))
print(pcall(string.unpack))
print(pcall(string.unpack, "b"))
print(pcall(string.unpack, "b", ""))
print(pcall(string.unpack, {}, ""))
print "OK"
