-- NaN: unequal to everything, even itself, and unusable as a key
local nan = 0/0
print(nan == nan, nan ~= nan, nan < nan, nan <= nan, nan > 0, nan < 0)
print(rawequal(nan, nan), math.type(nan), type(nan))
local t = {}
print(t[nan], pcall(function() t[nan] = 1 end))
print(pcall(rawset, t, nan, 1))
-- nan is truthy
print(nan and "truthy" or "falsy", not nan)
-- NaN propagates through arithmetic
print(nan + 1 ~= nan + 1, nan * 0 ~= nan * 0)
-- tostring of NaN is never a number again
print(tonumber(tostring(nan)), tonumber("nan"), tonumber("NaN"))
-- math.tointeger and bitwise operations reject it
print(math.tointeger(nan), pcall(function() return nan | 0 end))
-- string.format %d rejects it, %f shows it (sign as the C library prints it)
print(pcall(string.format, "%d", nan))
-- comparisons in sorting with a NaN-free table work normally
local vals = { 3, 1, 2 }
table.sort(vals)
print(table.concat(vals, " "))
-- an integer is never NaN
print(math.huge - math.huge ~= math.huge - math.huge, (1 // 1) == (1 // 1))
print "OK"
