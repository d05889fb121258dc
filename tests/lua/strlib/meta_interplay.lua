-- string functions meet metatables, coroutines and errors
local co = coroutine.wrap(function()
  return ("abc"):gsub(".", function(c) coroutine.yield(c) return c end)
end)
print(pcall(co))
local co2 = coroutine.wrap(function()
  for w in ("a b c"):gmatch("%a") do coroutine.yield(w) end
  return "done"
end)
print(co2(), co2(), co2(), co2())
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() error("boom") end})))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() error("boom", 0) end})))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() error({}) end})))
print(pcall(string.gsub, "abc", "b", function() error("lvl2", 2) end))
local function deep(n) if n == 0 then return "x" end return (("a"):gsub("a", function() return deep(n - 1) end)) end
print(deep(100))
print(string.format("%s", setmetatable({}, {__name = 42})):gsub("0xADDR", "A"):match("^table"))
local t = setmetatable({}, {__name = "My.Type"})
print((string.format("%s", t):gsub(": .*", "")))
print(pcall(string.rep, setmetatable({}, {__name = "Thing"}), 1))
print(pcall(string.len, setmetatable({}, {__name = "Thing"})))
print(pcall(string.format, "%d", setmetatable({}, {__name = "Thing"})))
print(pcall(string.char, setmetatable({}, {__name = "Thing"})))
print(pcall(string.pack, "i", setmetatable({}, {__name = "Thing"})))
print(pcall(string.gsub, "a", "a", setmetatable({}, {__name = "Thing", __index = function() return {} end})))
print(("x"):gsub("x", setmetatable({}, {__index = function(t, k) return k .. k end})))
local mt = getmetatable("")
local old = mt.__index
mt.__index = function(s, k) return k == "twice" and function(x) return x .. x end or old[k] end
print(("ab"):twice(), ("ab"):upper())
mt.__index = old
print(pcall(function() return ("x").y.z end))
print(pcall(function() local s = "abc"; return s:nope() end))
print(pcall(function() return ("abc"):bad() end))
print(pcall(string.sub))
print(string.format("%s", string.format))
print "OK"
