-- utf8.len with i/j inside multibyte characters and at the edges
local s = "\u{E9}\u{20AC}a"
for i = -7, 7 do
  local ok, a, b = pcall(utf8.len, s, i)
  io.write(i, "=", tostring(ok), "/", tostring(a), "/", tostring(b), " ")
end
print()
for j = -7, 7 do
  local ok, a, b = pcall(utf8.len, s, 1, j)
  io.write(j, "=", tostring(ok), "/", tostring(a), "/", tostring(b), " ")
end
print()
print(utf8.len(s, 2, 2), utf8.len(s, 3, 5), utf8.len(s, 4, 4))
print(pcall(utf8.len, s, math.maxinteger))
print(pcall(utf8.len, s, 1, math.mininteger))
print "OK"
