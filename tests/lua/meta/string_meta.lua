-- strings index the string table through their metatable
local s = "hello"
print(s:len(), s:upper(), s.len == string.len, s.nothing)
print(("x"):rep(3), ("%d-%d"):format(1, 2), ("abc"):byte(-1))
print(#s, s:sub(-3), s:find("l"), s:reverse())
-- adding a function to string makes it a method of every string
function string.shout(str) return str:upper() .. "!" end
print(("hey"):shout(), s:shout())
string.shout = nil
print(pcall(function() return s:shout() end))
-- numbers are not strings: no methods
print(pcall(function() local n = 5 return n:rep(2) end))
-- indexing a string with a number gives nil (string.__index is a table)
print(s[1], s.x)
-- the string metatable can be extended
local mt = getmetatable("")
mt.__add = function(a, b) return "added" end
print(pcall(function() return "a" + "b" end))
print(pcall(function() return "1" + "2" end))
mt.__add = nil
mt.__index = function(str, k) if type(k) == "number" then return string.sub(str, k, k) end return string[k] end
print(s[1], s[5], s:upper())
mt.__index = string
print(s[1])
print "OK"
