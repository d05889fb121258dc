-- byte-oriented patterns over UTF-8 text (no utf8 library)
local s = "h\u{e9}llo w\u{f6}rld \u{4e2d}\u{6587} \u{1F600}"
print(#s)
local _, chars = s:gsub("[^\128-\191]", "")
print(chars)
local t = {}
for ch in s:gmatch("[\0-\127\194-\244][\128-\191]*") do t[#t + 1] = #ch end
print(#t, table.concat(t, ","))
print(s:upper() == "H\u{e9}LLO W\u{f6}RLD \u{4e2d}\u{6587} \u{1F600}")
print(s:find("\u{6587}", 1, true), s:match("(%S+)%s*$") == "\u{1F600}")
print(("\u{e9}"):byte(1, -1))
print(("x\u{e9}y"):gsub("[\128-\255]", "?"))
print(s:reverse():reverse() == s, #s:sub(2, 3), s:sub(2, 3) == "\u{e9}")
print(("%a"):rep(1), ("\u{e9}"):find("%a"), ("\u{e9}"):find("%W"))
print "OK"
