-- keys of many types; string and number keys are distinct
local t = {}
t[1] = "int one"
t["1"] = "string one"
t[1.5] = "one and a half"
t[true] = "true"
print(t[1], t["1"], t[1.5], t[true], t[1.0])
-- -0.0 and 0 are the same key
t[0] = "zero"
print(t[-0.0], t[0.0])
-- keys that differ only by type
local k = {}
for _, v in ipairs({ 10, "10", 10.5 }) do k[v] = type(v) .. ":" .. tostring(v) end
print(k[10], k["10"], k[10.5], k[10.0])
-- big integers vs floats beyond 2^53
t = {}
t[(1 << 53) + 1] = "exact"
print(t[2^53 + 1], t[(1 << 53) + 1])
-- tables and functions as keys use identity
local a, b = {}, {}
t[a] = "a"; t[b] = "b"
print(t[a], t[b], t[{}])
-- counting keys
local count = 0
for _ in pairs(t) do count = count + 1 end
print(count)
-- sorted traversal of mixed keys
local m = { 5, 6, x = 1, y = 2, [10] = 3, [-1] = 4 }
local ks = {}
for key in pairs(m) do ks[#ks + 1] = tostring(key) end
table.sort(ks)
print(table.concat(ks, " "))
print "OK"
