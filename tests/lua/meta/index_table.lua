-- __index as a table: chains of prototypes
local base = { a = "base.a", shared = "base.shared" }
local mid = setmetatable({ b = "mid.b", shared = "mid.shared" }, { __index = base })
local obj = setmetatable({ c = "obj.c" }, { __index = mid })
print(obj.a, obj.b, obj.c, obj.shared, obj.missing)
-- raw access ignores __index
print(rawget(obj, "a"), rawget(obj, "c"))
-- __index is consulted only for absent keys
obj.a = "own a"
print(obj.a, base.a)
-- a nil value stored in the table is absent
obj.c = nil
print(obj.c)
-- a long chain
local t = {}
for i = 1, 50 do t = setmetatable({ ["level" .. i] = i }, { __index = t }) end
print(t.level1, t.level25, t.level50, t.level51)
-- integer keys through __index
local arr = setmetatable({}, { __index = { 10, 20, 30 } })
print(arr[1], arr[3], arr[4], #arr)
print "OK"
