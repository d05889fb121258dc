-- where floats with integral values are accepted as integers
local t = { "a", "b", "c" }
print(t[2.0], ("abc"):sub(2.0, 2.0), string.rep("x", 3.0), ("abc"):byte(1.0))
print(select(2.0, "p", "q"), table.unpack(t, 2.0, 3.0))
print(math.tointeger(3.0) | 0, 3.0 // 1, math.type(3.0 // 1))
print(string.char(65.0), utf8.char(66.0), string.format("%d %x", 10.0, 255.0))
-- strings with integral values too
print(("abc"):sub("2"), string.rep("y", "2"), t["1"], t[tonumber("1")])
-- non-integral values are rejected with the integer-representation message
print(pcall(string.rep, "x", 1.5))
print(pcall(select, 1.5, "a"))
print(pcall(string.char, 65.5))
print(pcall(table.concat, t, "", 1.5))
print(pcall(string.sub, "abc", "1.5"))
-- huge floats are out of range
print(pcall(string.rep, "x", 2^63))
print(pcall(string.sub, "abc", 1e100))
print "OK"
