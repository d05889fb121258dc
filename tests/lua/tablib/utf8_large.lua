-- utf8 functions on long strings and many arguments
local cps = {}
for i = 1, 250 do cps[i] = 0x3B0 + i end
local s = utf8.char(table.unpack(cps))
print(#s, utf8.len(s), select("#", utf8.codepoint(s, 1, -1)))
local big = ("\u{20AC}"):rep(100000)
print(#big, utf8.len(big), utf8.offset(big, 100000), utf8.offset(big, -1), utf8.offset(big, 100001))
local n = 0
for _ in utf8.codes(big) do n = n + 1 end
print(n)
print(select("#", utf8.codepoint(big, 1, 30000)))
print(pcall(utf8.codepoint, ("a"):rep(2000000), 1, -1))
print "OK"
