-- a table constructor with 100,000 elements
local N = 100000
local parts = {}
for i = 1, N do parts[i] = tostring(i) end
local f, err = load("return {" .. table.concat(parts, ",") .. "}")
print(f ~= nil, err)
local t = f()
local sum = 0
for i = 1, #t do sum = sum + t[i] end
print(#t, t[1], t[N], sum)
-- the same constant repeated
t = load("return {" .. ("'s',"):rep(N) .. "}")()
print(#t, t[N])
-- keyed entries
for i = 1, N do parts[i] = "[" .. i .. "]=" .. i * 2 end
t = load("return {" .. table.concat(parts, ";") .. "}")()
print(#t, t[N])
-- named fields
for i = 1, N do parts[i] = "k" .. i .. "=" .. i end
t = load("return {" .. table.concat(parts, ",") .. "}")()
print(t.k1, t.k50000, t["k" .. N])
-- a final multi-value call expands at the end of a huge list
t = load("local function f() return 'a', 'b', 'c' end return {" .. ("0,"):rep(N) .. "f()}")()
print(#t, t[N + 3])
print "OK"
