-- utf8.offset: forward, backward, n = 0, errors
local s = "a\u{E9}\u{20AC}\u{10348}b"
for n = -6, 7 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), " ") end
print()
print(utf8.offset(s, 1, 2), utf8.offset(s, 2, 2), utf8.offset(s, 3, 4), utf8.offset(s, 1, #s + 1))
print(utf8.offset(s, -1, #s + 1), utf8.offset(s, -2, #s + 1), utf8.offset(s, -1, 7), utf8.offset(s, -1, 2))
print(utf8.offset(s, -1, -1), utf8.offset(s, 1, -1), utf8.offset(s, 0, -1), utf8.offset(s, 0, -3))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1), utf8.offset("", 2))
print(utf8.offset("abc", 4), utf8.offset("abc", 5), utf8.offset("abc", -3), utf8.offset("abc", -4))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, -1, 3))
print(pcall(utf8.offset, s, 1, 0))
print(pcall(utf8.offset, s, 1, #s + 2))
print(pcall(utf8.offset, "abc"))
print(pcall(utf8.offset, "abc", 1.5))
print(pcall(utf8.offset))
-- continuation bytes only
print(utf8.offset("\x80\x80", 0, 2))
print(pcall(utf8.offset, "\x80\x80", 1))
print "OK"
