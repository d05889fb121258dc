-- string.byte and string.char
print(string.byte("A"), string.byte("abc", 2), string.byte("abc", -1))
print(string.byte("abc", 1, 3))
print(string.byte("abc", 2, 10))
print(string.byte("abc", 0), string.byte("abc", 4), string.byte(""))
print(select("#", string.byte("abc", 3, 1)), select("#", string.byte("")))
print(string.byte("\0\255", 1, 2))
print(string.char(), string.char(72, 105), #string.char(0, 0))
print(string.char(string.byte("round trip", 1, -1)))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
print(#s, s:byte(1), s:byte(256), s:byte(129))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "x"))
print(pcall(string.byte, "abc", {}))
print "OK"
