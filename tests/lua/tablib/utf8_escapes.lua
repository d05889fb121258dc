-- \u{...} escapes agree with utf8.char
local pairs_ = {{"\u{0}", 0}, {"\u{7F}", 0x7F}, {"\u{80}", 0x80}, {"\u{7FF}", 0x7FF}, {"\u{FFFF}", 0xFFFF},
                {"\u{10000}", 0x10000}, {"\u{10FFFF}", 0x10FFFF}, {"\u{D7FF}", 0xD7FF},
                {"\u{0000041}", 0x41}}
for _, p in ipairs(pairs_) do
  print(p[1] == utf8.char(p[2]), #p[1], utf8.codepoint(p[1]) == p[2])
end
print(#"\u{48}\u{49}", "\u{48}\u{49}")
print(load("return '\\u{110000}'"))
print(#load("return '\\u{10FFFF}'")())
print(load("return '\\u{80000000}'"))
print(load("return '\\u{}'"))
print(load("return '\\u{12'"))
print "OK"
