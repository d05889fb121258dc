-- string.dump and loading binary chunks
local function add(a, b) return a + b end
local bin = string.dump(add)
print(type(bin), #bin > 0)
local f = load(bin, "=dumped", "b")
print(f(2, 3))
-- stripped chunks still run
local stripped = string.dump(add, true)
print(load(stripped)(4, 5), #stripped <= #bin)
-- upvalues are fresh (nil) after loading; the first one becomes _ENV
local counter = 0
local function uses_upvalue() counter = counter + 1 return counter end
local g = load(string.dump(uses_upvalue))
print(pcall(g))
local function uses_global() return type(print) end
print(load(string.dump(uses_global))())
-- errors
print(pcall(string.dump, print))
print(pcall(string.dump))
print(load("\27Lua garbage"))
print "OK"
