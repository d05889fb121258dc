-- __metatable protects the metatable
local mt = { __metatable = "protected" }
local t = setmetatable({}, mt)
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
-- false is also a valid protection value
local t2 = setmetatable({}, { __metatable = false })
print(getmetatable(t2))
print(pcall(setmetatable, t2, {}))
-- strings share one metatable whose __index is the string table
local smt = getmetatable("")
print(type(smt), smt.__index == string, getmetatable("abc") == smt)
-- other types have no metatable
print(getmetatable(1), getmetatable(nil), getmetatable(print), getmetatable(true), getmetatable({}))
-- setmetatable returns its first argument and accepts nil
local u = {}
print(setmetatable(u, nil) == u, getmetatable(u))
local m = {}
print(setmetatable(u, m) == u, getmetatable(u) == m)
setmetatable(u, nil)
print(getmetatable(u))
-- argument checks
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print(pcall(getmetatable))
print "OK"
