-- 100,000 nested parentheses: the parser refuses with the reference's message
local N = 100000
local f, err = load("return " .. ("("):rep(N) .. "1" .. (")"):rep(N))
print(f ~= nil, err)
-- moderate nesting is fine
f, err = load("return " .. ("("):rep(100) .. "42" .. (")"):rep(100))
print(f ~= nil, err, f and f())
-- unbalanced deep input
f, err = load("return " .. ("("):rep(N) .. "1")
print(f ~= nil, err)
f, err = load("return 1" .. (")"):rep(N))
print(f ~= nil, err)
-- the interpreter is still usable afterwards
print(load("return (1 + 2) * 3")())
print "OK"
