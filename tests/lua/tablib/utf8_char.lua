-- utf8.char: boundaries of every encoding length
local function hex(s) return (s:gsub(".", function(c) return string.format("%02X", c:byte()) end)) end
for _, cp in ipairs({0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0xD800, 0xDFFF, 0xFEFF}) do
  print(string.format("U+%X", cp), hex(utf8.char(cp)), #utf8.char(cp))
end
print(utf8.char() == "", utf8.char(72, 105, 0x263A, 0x1F600))
print(hex(utf8.char(0x41, 0x3B1, 0x20AC, 0x10348)))
print(utf8.char(65.0), utf8.char("66"))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x110000))
print(pcall(utf8.char, 0x7FFFFFFF))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, math.maxinteger))
print(pcall(utf8.char, 65, -1))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, 65, nil))
print(pcall(utf8.char, {}))
print "OK"
