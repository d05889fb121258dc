-- string.find: init positions and plain searches
local s = "hello hello"
for _, i in ipairs({-100, -12, -11, -5, -1, 0, 1, 2, 6, 7, 11, 12, 13, 100}) do
  print(i, s:find("hello", i), s:find("", i), s:find("o", i, true))
end
print(s:find("l+"), s:find("l+", 1, true), ("a+b"):find("+", 1, true))
print(("a.b"):find(".", 1, true), ("a.b"):find("."), ("a%b"):find("%", 1, true))
print(("[x]"):find("[x]", 1, true), ("[x]"):find("[x]"))
print(("(x"):find("(", 1, true), ("x$"):find("$", 1, true), ("^x"):find("^x", 1, true))
print(("abc"):find("b", 1, false), ("abc"):find("b", 1, nil), ("abc"):find("b", 1, 0))
print(("a.c"):find(".", 2, "yes"))
print(("abc"):find("abcd", 1, true), ("abc"):find("abc", 2, true), (""):find("", 1, true))
print(("a\0b\0c"):find("\0", 1, true), ("a\0b\0c"):find("\0c"), ("a\0b"):find("%z"))
print(("aaa"):find("aa", 2, true), ("abc"):find("", 4), ("abc"):find("", 5))
print(("abc"):find("b", 2.0), pcall(string.find, "abc", "b", 1.5))
print(("abc"):find("b", "2"), pcall(string.find, "abc", "b", "x"))
print(pcall(string.find, "abc"))
print(pcall(string.find, nil, "a"))
print(pcall(string.find, "abc", {}))
print(string.find(123, 2), string.find(12.5, ".", 1, true), string.find(1e15, "e"))
print(string.find("a1", 1))
print "OK"
