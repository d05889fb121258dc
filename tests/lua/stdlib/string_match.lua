-- string.match and string.gmatch with classes, sets, anchors, captures
print(("hello 123 world"):match("%d+"))
print(("hello 123 world"):match("(%a+) (%d+)"))
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("key=val"):match("^(%w+)=(%w*)$"))
print(("  x  "):match("^%s*(.-)%s*$") .. "|")
print(("abc"):match("()b()"))
print(("THE (quick) fox"):match("%((%a+)%)"))
print(("f(a(b)c)d"):match("%b()"))
print(("THE (quick) fox"):match("%f[%a]%a+", 5))
print(("hello"):match(".-"), ("hello"):match(".*"), ("hello"):match("l+"), ("hello"):match("x*"))
print(("a1b2c3"):match("[%a][%d]", 3), ("A-Z"):match("[A%-Z]+"), ("^caret"):match("[%^]c"))
print(("abc"):match("[^a]+"), ("x]y"):match("[]]"), ("tab\there"):match("%c"))
print(("hello hello"):match("(h%a+) %1"), ("ab"):match("(a)(b)"))
print(("café"):match("[\128-\255]+"))
print(string.match("  42  ", "%s*(%-?%d+)%s*"), string.match("-7", "^(%-?%d+)$"))
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, ":", v, " ") end
print()
for w in ("one two  three"):gmatch("%S+") do io.write("[", w, "]") end
print()
for pos in ("abc"):gmatch("()") do io.write(pos, " ") end
print()
local n = 0
for _ in ("aaa"):gmatch("a*") do n = n + 1 end
print(n)
print(pcall(string.match, "x", "%g(")) 
print(pcall(string.match, "x", "[%"))
print(pcall(string.match, "x", "%1"))
print(pcall(string.rep))
print "OK"
