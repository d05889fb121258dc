-- __len for tables; strings ignore it
local t = setmetatable({ 1, 2, 3 }, { __len = function(self) return 42 end })
print(#t, rawlen(t))
local u = setmetatable({}, { __len = function() return "not a number" end })
print(#u)
local v = setmetatable({}, { __len = function(self, other) return self == other end })
print(#v)
-- __len is used by ipairs? no: ipairs stops at nil; table.insert uses the length with metamethods in 5.3
local seq = setmetatable({}, { __len = function() return 10 end })
table.insert(seq, "x")
print(rawget(seq, 11))
print(#setmetatable({}, { __len = function() return 1.5 end }))
-- errors in __len propagate
print(pcall(function() return #setmetatable({}, { __len = function() error("len!") end }) end))
-- table.concat and table.unpack respect __len in 5.3
local proxy = setmetatable({}, { __len = function() return 3 end, __index = function(_, i) return "v" .. i end })
print(table.concat(proxy, ","), table.unpack(proxy))
print "OK"
