-- captures: simple, nested, position, many
print(("hello world"):match("(%a+) (%a+)"))
print(("key=val"):find("(%w+)=(%w+)"))
print(("abc"):match("((a)(b)(c))"))
print(("abcd"):match("(a(b(c(d))))"))
print(("hello"):match("()ll()"))
print(("hello"):find("()ll()"))
print(("hello"):match("()"), ("hello"):match("()", 3), ("hello"):match(".*()"))
print(("abc"):match("(a)()(b)()(c)"))
print(("xyz"):match("(x)(y)(z)()"))
print(math.type(("ab"):match("()")))
print(("aaa"):match("(a*)(a)"))
print(("aaa"):match("(a-)(a)"))
print(("abc"):match("(%a)(%a)(%a)(%a?)"), #select(4, ("abc"):match("(%a)(%a)(%a)(%a?)")))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("a"):match("()(a)()"))
-- 32 captures is the limit
local p = string.rep("(.)", 32)
local s = string.rep("x", 32)
print(select("#", s:match(p)))
print(pcall(string.match, s .. "x", p .. "(.)"))
-- empty capture
print(("abc"):match("a()b()c"), ("abc"):match("a(%d*)b") == "")
-- captures in find come after the positions
print(("xxabyy"):find("(a)(b)"))
print(("xxabyy"):find("ab"))
print "OK"
