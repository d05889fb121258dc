-- string.gsub: the max-replacements argument and counts
local s = "a a a a a"
for _, n in ipairs({-1, 0, 1, 2, 5, 6, 100, 2.0}) do print(n, s:gsub("a", "b", n)) end
print(s:gsub("a", "b", nil))
print(s:gsub("a", "b", "3"))
print(s:gsub("x", "b", 3))
print(("abc"):gsub("", "-", 2))
print(("abc"):gsub("", "-", 0))
print(("abc"):gsub(".", {a = "A"}, 2))
print(("abc"):gsub(".", function(c) return c:upper() end, 1))
print(s:gsub("a", "b", math.maxinteger), s:gsub("a", "b", math.mininteger))
print(pcall(string.gsub, s, "a", "b", 1.5))
print(pcall(string.gsub, s, "a", "b", "x"))
print(pcall(string.gsub, s, "a", "b", {}))
print(pcall(string.gsub, s, "a"))
print(pcall(string.gsub, s, "a", nil))
print(pcall(string.gsub, s, "a", true))
print(pcall(string.gsub, s))
print(pcall(string.gsub))
print(string.gsub(12321, 2, 9))
print(select("#", ("x"):gsub("x", "y")))
print "OK"
