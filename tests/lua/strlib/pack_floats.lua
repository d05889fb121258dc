-- string.pack / unpack: f d n
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, v in ipairs({0, -0.0, 1, -1, 0.5, 1/3, 1e300, -1e-300, math.huge, -math.huge, 3}) do
  local f, d, n = string.pack("<f", v), string.pack(">d", v), string.pack("<n", v)
  print(v, hex(f), hex(d), string.unpack("<f", f), string.unpack(">d", d), string.unpack("<n", n))
end
print(string.unpack("<f", string.pack("<f", 0.1)) == 0.1, string.unpack("<d", string.pack("<d", 0.1)) == 0.1)
print(string.format("%.9g", string.unpack("<f", string.pack("<f", 0.1))))
print(string.unpack("<f", string.pack("<f", 1e40)), string.unpack("<f", string.pack("<f", 1e-50)))
print(math.type(string.unpack("<d", string.pack("<d", 3))), math.type(string.unpack("<n", string.pack("<n", 3))))
local nan = string.unpack("<d", string.pack("<d", 0/0))
print(nan ~= nan)
print(hex(string.pack("<d", "2.5")), hex(string.pack("<f", 7)))
print(pcall(string.pack, "d", "x"))
print(pcall(string.pack, "f", {}))
print(pcall(string.pack, "n"))
print(pcall(string.unpack, "d", "1234567"))
print(pcall(string.unpack, "f", "123"))
print "OK"
