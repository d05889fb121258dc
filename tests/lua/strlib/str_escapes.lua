-- string literals: escapes produce the expected bytes
local function bytes(s) return table.concat({s:byte(1, -1)}, ",") end
print(bytes("\a\b\f\n\r\t\v\\\"\'"))
print(bytes("\0\1\12\123\255"), bytes("\x00\x7f\xff\xAb"))
print(bytes("\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"))
print(load("return '\\u{7FFFFFFF}'"))
print(bytes("a\z
            b"), bytes("a\
b"))
print(#[[
x]], [==[a]]b]==], #[[]], [[\n]])
print(bytes('\65\066\0671'), "\x41\x42")
print(load("return '\\xg'"))
print(load("return '\\256'"))
print(load("return '\\u{110000000}'"))
print(load("return '\\q'"))
print(load("return 'abc"))
print "OK"
