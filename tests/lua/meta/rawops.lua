-- raw functions bypass metamethods
local mt = {
  __index = function() return "meta" end,
  __newindex = function() error("blocked") end,
  __len = function() return 99 end,
  __eq = function() return true end,
}
local t = setmetatable({ 1, 2 }, mt)
print(t.x, rawget(t, "x"), rawget(t, 1))
rawset(t, "x", "raw")
print(t.x, rawget(t, "x"))
print(#t, rawlen(t), rawlen("abc"))
local u = setmetatable({}, mt)
print(t == u, rawequal(t, u), rawequal(t, t))
print(rawset(t, "y", 1) == t)
-- argument errors
print(pcall(rawget, "str", 1))
print(pcall(rawset, 1, 1, 1))
print(pcall(rawlen, 5))
print(pcall(rawequal, 1))
print(pcall(rawget, {}))
print(pcall(rawset, {}, 1))
print(rawequal("a", "a"), rawequal(1, 1.0), rawequal({}, {}))
print "OK"
