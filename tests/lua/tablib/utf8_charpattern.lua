-- utf8.charpattern
print(utf8.charpattern == "[\0-\x7F\xC2-\xF4][\x80-\xBF]*")
local s = "h\u{E9}llo \u{4E16}\u{754C} \u{1F600}!"
local parts = {}
for c in s:gmatch(utf8.charpattern) do parts[#parts + 1] = #c end
print(table.concat(parts, " "))
local n = 0
for _ in s:gmatch(utf8.charpattern) do n = n + 1 end
print(n, utf8.len(s))
-- invalid leading bytes are skipped by the pattern, continuation bytes glue on
local bad = "a\x80b\xC0\x80c\xFF"
parts = {}
for c in bad:gmatch(utf8.charpattern) do parts[#parts + 1] = string.format("%q", c) end
print(table.concat(parts, " "))
print(("\u{3B1}\u{3B2}\u{3B3}"):match(utf8.charpattern .. "$") == "\u{3B3}")
print(("x\u{20AC}y"):gsub(utf8.charpattern, "[%0]"))
print "OK"
