-- load from a string: chunk names, modes, results
local f = load("return 1 + 1")
print(type(f), f())
print(load("syntax error here"))
print(load("return ...")(1, 2, 3))
f = load("local a, b = ... return b, a")
print(f("x", "y"))
print(load("x = ", "=my chunk"))
print(load("return 1", "name", "t")())
print(load("return 1", "name", "b"))
print(load("return 1", "name", "bt")())
print(pcall(load, "return 1", "name", "x"))
-- a chunk starting with ESC is binary: mode "t" refuses it before reading further
-- (string.dump round trips are in string_dump.lua)
print(load("\27Lua not really", "bin", "t"))
print(load("\27", "bin", "t"))
-- the chunk is a vararg function
print(load("return select('#', ...)")(nil, nil, nil))
-- an empty chunk
print(select("#", load("")()))
-- globals in loaded chunks are the caller's globals
shared_global = "shared"
print(load("return shared_global")())
load("set_by_chunk = 7")()
print(set_by_chunk)
-- load does not raise on syntax errors, it returns nil and the message
local ok, a, b = pcall(load, "(")
print(ok, a, b)
print "OK"
