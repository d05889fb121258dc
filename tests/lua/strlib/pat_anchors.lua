-- ^ and $ anchors
local function f(...) print(string.find(...)) end
f("hello", "^h")
f("hello", "^e")
f("hello", "o$")
f("hello", "l$")
f("hello", "^hello$")
f("hello", "^$")
f("", "^$")
f("", "$")
f("", "^")
f("a$b", "a$b")
f("a$b", "%$")
f("a^b", "a^b")
f("hello", "^l", 3)
f("hello", "^l", 4)
f("hello", "^o", -1)
f("hello", "o$", -1)
f("hello", "^", 6)
f("hello", "$", 3)
print(("hello"):match("^(h)(.-)$"))
print(("aaa"):gsub("^a", "b"))
print(("aaa"):gsub("a$", "b"))
print(("aaa"):gsub("^", ">"))
print(("aaa"):gsub("$", "<"))
print(("abc"):gsub("^$", "x"), (""):gsub("^$", "x"))
-- gmatch does not anchor: a leading ^ is a literal there (Lua 5.3)
for w in ("^a^a ab"):gmatch("^a") do io.write("[", w, "]") end
print()
local n = 0
for w in ("aaa"):gmatch("^a") do n = n + 1 end
print(n)
print(("x^y"):match("x^y"), ("x$y"):match("x$y"), ("$"):match("^$$"))
print "OK"
