-- float to integer conversions: exact only
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(-0.0), math.tointeger(2^63))
print(math.tointeger(-2^63), math.tointeger(2^62), math.tointeger(1/0), math.tointeger(0/0))
print(math.tointeger("8"), math.tointeger(8), math.tointeger({}))
print(3.0 | 0, -3.0 | 0, 2^62 | 0)
-- string.format %d wants an integer representation
print(string.format("%d", 3.0))
print(pcall(string.format, "%d", 3.5))
print(pcall(string.format, "%d", "3.0"))
print(pcall(string.format, "%d", 2^63))
-- integer-valued float keys are normalised
local t = {}
t[3.0] = "three"
print(t[3], math.type(next(t)))
t = { [1.0] = "a", [2] = "b" }
for k, v in pairs(t) do io.write(math.type(k), " ") end
print()
t = {}
t[-0.0] = "zero"
print(t[0], math.type(next(t)))
t[1.5] = "frac"
print(t[1.5], t[1])
-- string.rep, string.sub accept floats with integral values
print(string.rep("ab", 2.0), ("hello"):sub(2.0, 3.0))
print(pcall(string.rep, "ab", 2.5))
print(pcall(string.sub, "hello", 1.5))
-- table functions too
local a = { 10, 20, 30 }
print(table.unpack(a, 1.0, 2.0))
print(pcall(table.insert, a, 1.5, 0))
-- floor/ceil return integers when they fit
print(math.floor(3.7), math.type(math.floor(3.7)), math.ceil(3.2), math.floor(-3.5))
print(math.floor(2^70), math.type(math.floor(2^70)), math.ceil(-0.5))
print "OK"
