-- __tostring and __name
local t = setmetatable({}, { __tostring = function(self) return "I am t" end })
print(t, tostring(t))
print(string.format("%s|%s", t, 1))
-- __tostring must return a string
local bad = setmetatable({}, { __tostring = function() return 42 end })
print(pcall(tostring, bad))
local bad2 = setmetatable({}, { __tostring = function() return nil end })
print(pcall(tostring, bad2))
-- __name changes the type name in tostring (an address follows, so only check the prefix)
local named = setmetatable({}, { __name = "MyType" })
print((tostring(named):gsub("0x%x+", "ADDR")))
print(tostring(named):match("^MyType: ") ~= nil)
-- __name that is not a string is ignored
local named2 = setmetatable({}, { __name = 42 })
print(tostring(named2):match("^table: ") ~= nil)
-- __tostring wins over __name
local both = setmetatable({}, { __name = "N", __tostring = function() return "T" end })
print(both)
-- print uses tostring through the metamethod
local cnt = 0
local counted = setmetatable({}, { __tostring = function() cnt = cnt + 1; return "c" .. cnt end })
print(counted, counted)
-- error messages from the library use __name
print(pcall(string.rep, named))
print "OK"
