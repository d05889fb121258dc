-- string.len and the # operator
print(string.len(""), string.len("abc"), string.len("a\0b"), string.len("\0\0\0"))
print(#"", #"abc", #"a\0b", #"\u{10FFFF}", #"\xff")
print(("hello"):len(), string.len(12345), string.len(1.5), string.len(-0.0))
print(string.len(string.rep("x", 100000)))
print(pcall(string.len))
print(pcall(string.len, nil))
print(pcall(string.len, {}))
print(pcall(string.len, true))
local t = setmetatable({}, {__len = function() return 7 end})
print(#t, pcall(string.len, t))
print "OK"
