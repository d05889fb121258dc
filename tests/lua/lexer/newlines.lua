-- every newline style counts as one line, in code and in strings
-- an error on line 3 under each line-ending convention
print(select(2, pcall(load("x = 1\ny = 2\nerror('here')"))))
print(select(2, pcall(load("x = 1\r\ny = 2\r\nerror('here')"))))
print(select(2, pcall(load("x = 1\ry = 2\rerror('here')"))))
print(select(2, pcall(load("x = 1\n\ry = 2\n\rerror('here')"))))
print(select(2, pcall(load("x = 1\n\ny = 2\n\nerror('here')"))))
-- "\r\n" inside a short string after a backslash is one newline
local f = load("return 'a\\\r\nb'")
local s = f()
print(#s, s:byte(1, -1))
f = load("return 'a\\\n\rb'")
s = f()
print(#s, s:byte(1, -1))
f = load("return 'a\\\rb'")
s = f()
print(#s, s:byte(1, -1))
-- inside long strings every newline sequence becomes "\n"
f = load("return [[\r\na\r\nb\n\rc\rd\n\ne]]")
s = f()
print(#s, s:byte(1, -1))
print "OK"
