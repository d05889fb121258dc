-- tables grow and shrink through many operations
local t = {}
for i = 1, 10000 do t[i] = i * 2 end
print(#t, t[1], t[5000], t[10000])
for i = 10000, 5001, -1 do t[i] = nil end
print(#t)
-- hash part growth
local h = {}
for i = 1, 5000 do h["key" .. i] = i end
local n, s = 0, 0
for k, v in pairs(h) do n = n + 1; s = s + v end
print(n, s)
for i = 1, 5000, 2 do h["key" .. i] = nil end
n = 0
for _ in pairs(h) do n = n + 1 end
print(n, h.key2, h.key3)
-- reinsertion after deletion
for i = 1, 5000, 2 do h["key" .. i] = -i end
n = 0
for _ in pairs(h) do n = n + 1 end
print(n, h.key1, h.key4999)
-- mixed negative and sparse integer keys
local sp = {}
for i = -100, 100, 10 do sp[i] = i end
local ks = {}
for k in pairs(sp) do ks[#ks + 1] = k end
table.sort(ks)
print(#ks, ks[1], ks[#ks])
-- filling backwards
local back = {}
for i = 100, 1, -1 do back[i] = i end
print(#back, back[1], back[100])
print "OK"
