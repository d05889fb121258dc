-- len, upper, lower, reverse, rep
print(string.len(""), string.len("abc"), ("a\0b"):len())
print(string.upper("Hello, World! 123"), string.lower("Hello, World! 123"))
print(string.reverse("abc"), string.reverse(""), ("a\0b"):reverse() == "b\0a")
print(string.rep("ab", 3), string.rep("ab", 3, ","), string.rep("x", 0), string.rep("x", -1))
print(string.rep("", 1000000), #string.rep("abc", 1000, "--"))
print(string.rep("x", 1, "sep"), string.rep("x", 2, ""))
print(pcall(string.rep, "x", 1e10))
-- upper and lower leave non-ASCII bytes alone
print(string.upper("\200\201abc"):byte(1, -1))
print "OK"
