-- utf8 library
print(utf8.char(72, 228, 8364, 128512), utf8.char())
print(utf8.charpattern == "[\0-\x7F\xC2-\xF4][\x80-\xBF]*")
local s = "häß€😀"
print(#s, utf8.len(s), utf8.len(""), utf8.len(s, 2), utf8.len(s, -4))
print(utf8.codepoint(s, 1, -1))
print(utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 3), utf8.offset(s, 10))
for p, c in utf8.codes("aé€") do io.write(p, ":", c, " ") end
print()
print(utf8.len("\xff"), utf8.len("ab\x80cd"))
print(pcall(utf8.codepoint, "\xff"))
print(pcall(utf8.offset, "é", 1, 2))
print(pcall(utf8.char, -1))
print(pcall(function() for p, c in utf8.codes("a\xffb") do end end))
local chars = {}
for _, c in utf8.codes("héllo") do chars[#chars + 1] = utf8.char(c) end
print(table.concat(chars, "|"))
print "OK"
