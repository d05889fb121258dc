-- utf8: char, charpattern, codepoint, len, offset, codes
local function bytes(s)
  local out = {}
  for i = 1, #s do out[i] = string.format("%02X", s:byte(i)) end
  return table.concat(out, " ")
end
print(bytes(utf8.char(0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF)))
print(utf8.char(), utf8.char(72, 105), utf8.char("65", 66.0))
print(bytes(utf8.charpattern))
print(utf8.codepoint("héllo", 1, -1))
print(utf8.codepoint("héllo"), utf8.codepoint("héllo", 2), utf8.codepoint("héllo", -1))
print(select("#", utf8.codepoint("abc", 3, 2)), select("#", utf8.codepoint("", 1, 0)))
print(utf8.codepoint("\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", 1, -1))
print(utf8.codepoint("\xED\xA0\x80"))
print(utf8.len("héllo"), utf8.len(""), utf8.len("abc", 4), utf8.len("abc", -1), utf8.len("abc", 3, 1))
print(utf8.len("héllo", 3), utf8.len("héllo", 1, 2), utf8.len("héllo", -2, -1))
print(utf8.len("\xff"), utf8.len("ab\x80c"), utf8.len("a\xC0\x80"), utf8.len("\xF4\x90\x80\x80"), utf8.len("ok\xE4\xB8"))
print(utf8.offset("aé中b", 1), utf8.offset("aé中b", 2), utf8.offset("aé中b", 3), utf8.offset("aé中b", 4), utf8.offset("aé中b", 5), utf8.offset("aé中b", 6))
print(utf8.offset("aé中b", -1), utf8.offset("aé中b", -2), utf8.offset("aé中b", -4), utf8.offset("aé中b", -5))
print(utf8.offset("aé中b", 0, 3), utf8.offset("aé中b", 0, 5), utf8.offset("aé中b", 0, 1), utf8.offset("aé中b", 0, 8))
print(utf8.offset("aé中b", 2, 2), utf8.offset("aé中b", -1, 4), utf8.offset("", 1), utf8.offset("", -1), utf8.offset("abc", 0, 4))
for p, c in utf8.codes("aé中\u{10FFFF}") do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("") do io.write("never") end
local iter, s, init = utf8.codes("ab")
print(type(iter), s, init)
print(iter("ab", 0))
print(iter("ab", 1))
print(iter("ab", 2))
print(iter("ab", 10))
print(iter("ab", -5))
print(iter("ab", "1"))
local a, b, c = utf8.codes(12)
print(type(a), b, math.type(b), c)
-- utf8.charpattern matches one sequence
local n = 0
for ch in string.gmatch("aé中\u{10FFFF}", utf8.charpattern) do n = n + 1 end
print(n)
print "OK"
