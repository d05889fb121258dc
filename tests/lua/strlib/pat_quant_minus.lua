-- the lazy - quantifier
local function m(s, p)
  local a, b = string.find(s, p)
  print(p, a, b, string.match(s, p))
end
m("aaab", "a-")
m("aaab", "a-b")
m("aaab", "^a-$")
m("<<a>>", "<.->")
m("<a><b>", "<(.-)>")
m("/* x */ y /* z */", "/%*(.-)%*/")
m("abc", ".-")
m("abc", ".-$")
m("key = value", "^(.-)%s*=%s*(.-)$")
m("a.b.c", "^(.-)%.")
m("a.b.c", "^(.*)%.")
m("xxabcxx", "x-abc")
m("path/to/file.txt", "^(.-)([^/]-)%.(%a+)$")
print(("<a><b><c>"):gsub("<(.-)>", "[%1]"))
print(("hello"):gsub(".-", "-"))
local t = {}
for k, v in ("a=1, b=22, ccc=333"):gmatch("(%w-)=(%w+)") do t[#t + 1] = k .. ":" .. v end
print(table.concat(t, " "))
print "OK"
