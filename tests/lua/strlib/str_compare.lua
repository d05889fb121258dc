-- string comparison is bytewise
local words = {"banana", "Apple", "apple", "", "a", "ab", "a\0", "a\0b", "Z", "z", "10", "9", "\255", "\128x", " "}
table.sort(words)
local out = {}
for i, w in ipairs(words) do out[i] = (w:gsub("%c", function(c) return "\\" .. c:byte() end)) end
print(table.concat(out, "|"))
print("a" < "b", "a" <= "a", "a" > "b", "b" >= "a", "abc" < "abd", "abc" < "ab")
print("" < "\0", "\0" < "\1", "a\0a" < "a\0b", "a\0" > "a", "\255" > "\127")
print("10" < "9", "A" < "a", "a" == "a", "a" ~= "a\0")
print(pcall(function() return "a" < 1 end))
print(pcall(function() return 1 <= "1" end))
print(pcall(function() return {} < "x" end))
local s1, s2 = string.rep("x", 1000) .. "a", string.rep("x", 1000) .. "b"
print(s1 < s2, s1 == s2, s1 .. "" == s1, #s1)
print "OK"
