-- fast paths vs metamethods: tables whose elements live in the hash part, metatables without
-- __index/__newindex, and __newindex that only fires for the new slot
local function show(t, n) local p = {} for i = 1, n do p[i] = tostring(rawget(t, i)) end return table.concat(p, " ") end
local h = {}
for i = 10, 1, -1 do h[i] = i end
table.insert(h, 3, "x")
print(show(h, 11))
print(table.remove(h, 1), show(h, 11))
table.sort(h, function(a, b) return tostring(a) < tostring(b) end)
print(show(h, 10))
print(table.concat(h, ","), table.unpack(h, 9, 10))
local g = setmetatable({1, 2, 3}, {__gc = true, __tostring = function() return "T" end})
table.insert(g, 1, 0)
print(show(g, 4), table.remove(g), show(g, 4))
local fired = {}
local n = setmetatable({1, 2, 3}, {__newindex = function(t, k, v) fired[#fired + 1] = k .. "=" .. tostring(v) rawset(t, k, v) end})
table.insert(n, 2, "y")
print(show(n, 4), table.concat(fired, " "))
fired = {}
table.insert(n, "z")
print(show(n, 5), table.concat(fired, " "))
fired = {}
print(table.remove(n, 1), show(n, 5), table.concat(fired, " "))
fired = {}
table.move(n, 1, 4, 3)
print(show(n, 6), table.concat(fired, " "))
-- __index only fires for absent keys
local reads = {}
local ix = setmetatable({1, nil, 3}, {__index = function(_, k) reads[#reads + 1] = k return "I" .. k end})
print(table.concat(ix, ",", 1, 3), table.concat(reads, " "))
reads = {}
print(table.unpack(ix, 1, 4))
print(table.concat(reads, " "))
-- big hash-part table sorted
local big = {}
for i = 2000, 1, -1 do big[i] = (i * 7919) % 2000 end
table.sort(big)
local ok = true
for i = 2, 2000 do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[2000], #big)
print "OK"
