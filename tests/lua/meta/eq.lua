-- __eq: only for two tables (or two userdata), never for identical values
local calls = 0
local mt = { __eq = function(a, b) calls = calls + 1; return a.v == b.v end }
local a = setmetatable({ v = 1 }, mt)
local b = setmetatable({ v = 1 }, mt)
local c = setmetatable({ v = 2 }, mt)
print(a == b, a ~= b, a == c, a ~= c, calls)
print(a == a, calls)            -- identical: no call
print(a == 1, a == "x", calls)  -- different types: no call
-- only one operand needs the metamethod
local plain = { v = 1 }
print(a == plain, plain == a, calls)
-- the result is converted to a boolean
local truthy = setmetatable({}, { __eq = function() return "yes" end })
local other = setmetatable({}, { __eq = function() return nil end })
print(truthy == {}, other == {}, {} == truthy)
-- the first operand's metamethod is tried first
local m1 = setmetatable({}, { __eq = function() return true end })
local m2 = setmetatable({}, { __eq = function() return false end })
print(m1 == m2, m2 == m1)
-- rawequal ignores __eq
print(rawequal(a, b), rawequal(a, a))
-- table keys use raw equality
local t = { [a] = "a" }
print(t[a], t[b])
print "OK"
