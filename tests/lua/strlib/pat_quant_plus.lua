-- the + quantifier
local function m(s, p)
  local a, b = string.find(s, p)
  print(p, a, b, string.match(s, p))
end
m("aaab", "a+")
m("baaa", "a+")
m("xyz", "a+")
m("aaa", "a+a")
m("aa", "a+aa")
m("one two  three", "%a+")
m("one two  three", "%s+")
m("x=123;y=45", "(%a+)=(%d+)")
m("<<a>>", "<.+>")
m("<>", "<.+>")
m("\255\255", "\255+")
m("abab", "[ab]+")
m("12ab", "[^%a]+")
print(("one two three"):gsub("%a+", "<%0>"))
print(("a  b   c"):gsub("%s+", " "))
local t = {}
for w in ("the quick  brown fox"):gmatch("%a+") do t[#t + 1] = w end
print(#t, table.concat(t, "|"))
print "OK"
