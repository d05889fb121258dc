-- strings compare byte by byte (C locale), shorter prefix first
local words = { "b", "a", "B", "A", "ab", "aB", "a b", "", " ", "a\0", "a\0b", "\255", "~", "0", "9", "10", "_" }
table.sort(words)
local shown = {}
for i, w in ipairs(words) do shown[i] = string.format("%q", w) end
print(table.concat(shown, " "))
print("a" < "b", "B" < "a", "abc" < "abd", "abc" < "ab", "" < "\0", "\0" < "\1")
print("a\0a" < "a\0b", "a\0" > "a", "Z" < "a", "z" < "{")
print(("x"):rep(100) < ("x"):rep(101), ("x"):rep(100) .. "a" < ("x"):rep(100) .. "b")
print "OK"
