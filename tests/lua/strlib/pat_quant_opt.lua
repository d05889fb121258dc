-- the ? quantifier
local function m(s, p)
  local a, b = string.find(s, p)
  print(p, a, b, string.match(s, p))
end
m("color", "colou?r")
m("colour", "colou?r")
m("colouur", "colou?r")
m("-12", "^[+-]?%d+$")
m("+12", "^[+-]?%d+$")
m("12", "^[+-]?%d+$")
m("--12", "^[+-]?%d+$")
m("ab", "a?b?c?")
m("", "a?")
m("aaa", "a?a?a?aaa")
m("aa", "a?a?a?aaa")
m("x?", "x%?")
m("3.14", "^%d+%.?%d*$")
m("3.", "^%d+%.?%d*$")
m("3..1", "^%d+%.?%d*$")
m("ab", "a?.?b?")
print(("aXbXXc"):gsub("X?", "-"))
-- quantifiers on special items
print(("a.b"):match("%.?b"), ("[x]"):match("%[?x%]?"), ("abc"):match("[ab]?c"))
-- a quantifier with nothing before it is a literal
print(("*a"):find("*"), ("+a"):find("+a"), ("?x"):find("?"), ("-"):find("-"))
print(("a*"):find("a*", 1, true), ("a**"):match("a%*+"))
print "OK"
