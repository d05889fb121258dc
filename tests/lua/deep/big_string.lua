-- a 10 MB string literal in source code
local N = 10 * 1024 * 1024
local f, err = load("return '" .. ("x"):rep(N) .. "'")
print(f ~= nil, err)
local s = f()
print(#s, s:sub(1, 3), s:sub(-3), s == ("x"):rep(N))
f, err = load("return [[" .. ("y"):rep(N) .. "]]")
print(f ~= nil, err)
print(#f())
-- escapes in a big literal
f = load("return \"" .. ("\\65\\x42\\u{43}"):rep(1000000) .. "\"")
s = f()
print(#s, s:sub(1, 6))
-- an unfinished 10 MB literal
f, err = load("return '" .. ("x"):rep(N))
print(f ~= nil, err and #err < 200, err and err:sub(1, 60))
-- a big literal in a comment is skipped
f = load("--[[" .. ("z"):rep(N) .. "]] return 'after comment'")
print(f())
print "OK"
