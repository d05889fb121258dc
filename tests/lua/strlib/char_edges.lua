-- string.char
print(string.char(), #string.char())
print(string.char(72, 101, 108, 108, 111))
print(#string.char(0, 0, 0), string.char(0, 65, 0):byte(1, -1))
print(string.char(255):byte(), string.char(65.0), string.char("66"), string.char(" 0x43 "))
local t = {}
for i = 0, 255 do t[#t + 1] = i end
local all = string.char(table.unpack(t))
print(#all, all:byte(1), all:byte(256), all:sub(66, 70))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 256))
print(pcall(string.char, 65, 66, -1))
print(pcall(string.char, 1.5))
print(pcall(string.char, "x"))
print(pcall(string.char, nil))
print(pcall(string.char, 65, nil))
print(pcall(string.char, {}))
print(pcall(string.char, math.maxinteger))
print(pcall(string.char, math.mininteger))
print(string.char(string.byte("roundtrip", 1, -1)))
print "OK"
