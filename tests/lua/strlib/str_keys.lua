-- strings as table keys: embedded zeros, long strings built in different ways
local t = {}
t["a\0b"] = 1; t["a\0c"] = 2; t["a"] = 3
print(t["a\0b"], t["a\0c"], t["a"], t["a\0"])
local long1 = string.rep("x", 100) .. "y"
local long2 = string.rep("x", 50) .. string.rep("x", 50) .. "y"
t[long1] = "long"
print(t[long2], long1 == long2, rawequal(long1, long2), #long1)
local parts = {}
for i = 1, 10 do parts[i] = tostring(i) end
local k1, k2 = table.concat(parts), ("12345678910"):sub(1)
t[k1] = "joined"
print(t[k2], t["12345678910"], t[12345678910])
t[10] = "int"; t["10"] = "str"
print(t[10], t["10"], t[10.0], t[("1"):rep(1) .. "0"])
local keys = {}
for k in pairs({["b"] = 1, ["a"] = 1, ["a\0"] = 1, ["\255"] = 1, [""] = 1}) do keys[#keys + 1] = k end
table.sort(keys)
for i, k in ipairs(keys) do keys[i] = (k:gsub("%z", "\\0")) end
print(table.concat(keys, ","))
local counts = {}
for w in ("the cat the dog the end cat"):gmatch("%a+") do counts[w] = (counts[w] or 0) + 1 end
local ws = {}
for w, c in pairs(counts) do ws[#ws + 1] = w .. "=" .. c end
table.sort(ws)
print(table.concat(ws, " "))
print "OK"
