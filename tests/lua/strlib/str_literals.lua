-- string literals at the lexer level: long brackets, line ends, escapes and their errors
-- long-string and lexer level
local f = load("return [[\r\nline1\r\nline2\n\rline3]]")
print((f():gsub("[\r\n]", function(c) return c == "\r" and "R" or "N" end)))
local g = load("return 'a\\\r\nb'")
print((g():gsub("[\r\n]", function(c) return c == "\r" and "R" or "N" end)))
print(#"\z   ", #"a\z
  b")
print("\065\x42\u{43}", "\9" == "\t", "\x7A\x7a")
print(load("return '\\x4'"))
print(load("return '\\u{}'"))
print(load("return '\\u{41'"))
print(load("return '\\u41'"))
print(load("return [==[x]=]==]")())
print(load("return [=[\nx]=]")())
print(load("return [[x"))
print(load("return 'x\ny'"))
print(#load("return '" .. string.rep("a", 70000) .. "'")())
print(load("return \"\\\"\"")(), load("return '\\''")())
print(("%s|%s"):format("\x00" == "\0", "\u{0}" == "\0"))
print "OK"
