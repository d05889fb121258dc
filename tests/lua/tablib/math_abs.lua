-- math.abs
local function s(x) local r = math.abs(x) print(tostring(x), tostring(r), math.type(r)) end
s(5) s(-5) s(0) s(-0.0) s(0.0) s(-3.5) s(3.5)
s(math.mininteger) s(math.maxinteger) s(-math.maxinteger)
s(math.huge) s(-math.huge) s(-2^63) s(-1e308)
local n = math.abs(0/0)
print(n ~= n)
print(math.abs("-7"), math.abs("-7.25"), math.type(math.abs("-7")))
print(string.format("%g", math.abs(-0.0)))
print(math.abs(math.mininteger) == math.mininteger)
print(pcall(math.abs))
print(pcall(math.abs, "q"))
print "OK"
