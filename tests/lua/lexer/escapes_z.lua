-- \z skips the following whitespace, newlines included
local s = "abc\z
           def"
print(s, #s)
assert(s == "abcdef")

local t = "a\z    b"
print(t)
assert(t == "ab")

local u = "1\z


   2\z  \z   3"
print(u)
assert(u == "123")

-- \z at the end, followed by nothing but the closing quote
local v = "end\z   "
print(v, #v)

-- \z does not skip non-space characters
local w = "x\zy"
print(w)

-- tabs, vertical tabs and form feeds are whitespace too
local f = load("return 'p\\z\t\v\f q'")
print(f())
print "OK"
