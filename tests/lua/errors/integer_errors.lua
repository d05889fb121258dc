-- integer division and modulo by zero, and conversion failures, with variable names
local function try(f) print(select(2, pcall(f))) end
local zero, one = 0, 1
try(function() return one // zero end)
try(function() return one % zero end)
try(function() return 1 // 0 end)
try(function() return 1 % 0 end)
try(function() local a, b = 5, 0 return a // b end)
try(function() return math.mininteger // zero end)
-- floats divide by zero without error
print(one / zero, one // 0.0, -one // 0.0, one % 0.0 ~= one % 0.0)
-- conversion failures in bitwise operations
local half, s = 0.5, "0.5"
try(function() return half | 0 end)
try(function() return 0 | half end)
try(function() return s | 0 end)
try(function() local t = { v = 2.5 } return t.v & 1 end)
try(function() return 2^64 >> 1 end)
-- integer for loops with bad values
try(function() for i = 1, 10, {} do end end)
print "OK"
