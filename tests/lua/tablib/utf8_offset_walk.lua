-- walking forwards and backwards with utf8.offset
local s = "\u{24}\u{A2}\u{20AC}\u{10348}\u{24}\u{A2}"
local pos = {}
local i = 1
while i do pos[#pos + 1] = i i = utf8.offset(s, 2, i) if i and i > #s + 1 then break end end
print(table.concat(pos, " "))
local back = {}
i = #s + 1
while i and i > 1 do i = utf8.offset(s, -1, i) back[#back + 1] = i end
print(table.concat(back, " "))
for n = 1, 8 do io.write(tostring(utf8.offset(s, n, 1)), " ") end
print()
for n = -8, -1 do io.write(tostring(utf8.offset(s, n, #s + 1)), " ") end
print()
for n = -3, 3 do io.write(tostring(utf8.offset(s, n, 4)), " ") end
print()
-- offset with n=0 finds the start of the character containing i
for j = 1, #s do io.write(utf8.offset(s, 0, j), " ") end
print()
-- negative i
print(utf8.offset(s, 0, -1), utf8.offset(s, 1, -2), utf8.offset(s, -1, -2), utf8.offset(s, 2, -#s))
print "OK"
