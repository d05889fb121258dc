-- malformed patterns and capture errors through every matching function
local pats = {"%", "abc%", "(", "(()", "a)", ")", "%1", "(a)%2", "[a", "[^", "%b", "%ba", "%f", "%fx",
  "(a%1)", "((a)%2)", "%g(", "[]", "[%", "())"}
for _, p in ipairs(pats) do
  print(p, pcall(string.find, "aaa", p))
  print(p, pcall(string.match, "aaa", p))
  print(p, pcall(string.gsub, "aaa", p, "x"))
  print(p, pcall(function() for _ in string.gmatch("aaa", p) do end end))
end
-- a pattern error is only seen when the matcher reaches the bad part
print(pcall(string.find, "xyz", "a%"))
print(pcall(string.find, "", "a("))
print(pcall(string.find, "abc", "abc%"))
-- too many captures
print(pcall(string.find, "a", string.rep("()", 33)))
print(select("#", string.find("a", string.rep("()", 32))))
-- nesting depth
print(pcall(string.match, string.rep("a", 300), string.rep("a?", 300)))
print(pcall(string.match, string.rep("a", 150), string.rep("a?", 150)))
print "OK"
