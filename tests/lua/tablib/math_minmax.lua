-- math.min / math.max: subtypes, ties, nan, errors
local function s(f, ...) local r = f(...) print(tostring(r), math.type(r)) end
s(math.max, 1, 2, 3) s(math.max, 3, 2, 1) s(math.max, 1, 2.5) s(math.max, 2.5, 1)
s(math.max, 1, 1.0) s(math.max, 1.0, 1) s(math.min, 1, 1.0) s(math.min, 1.0, 1)
s(math.max, -0.0, 0) s(math.max, 0, -0.0) s(math.min, -0.0, 0.0) s(math.min, 0.0, -0.0)
s(math.max, 5) s(math.min, 5.5)
s(math.max, math.mininteger, math.maxinteger) s(math.min, math.mininteger, math.maxinteger)
s(math.max, math.maxinteger, 2^63) s(math.min, math.mininteger, -2^63)
s(math.max, -math.huge, math.mininteger) s(math.min, math.huge, math.maxinteger)
s(math.max, "10", "9") s(math.min, "10", "9") s(math.max, "x")
print(pcall(math.max, "10", 9))
print(pcall(math.min, 9, "10"))
local nan = 0/0
local a = math.max(nan, 1)
local b = math.max(1, nan)
local c = math.min(nan, 1)
local d = math.min(1, nan)
print(a ~= a, b ~= b, c ~= c, d ~= d)
local many = {}
for i = 1, 100 do many[i] = (i * 37) % 101 end
print(math.max(table.unpack(many)), math.min(table.unpack(many)))
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, "x"))
print(pcall(math.max, 1, 2, {}))
print(pcall(math.min, {}, 1))
print(pcall(math.max, 1, nil))
print "OK"
