-- next while modifying existing fields (allowed) and clearing them (allowed)
local t = {}
for i = 1, 20 do t["k" .. i] = i end
for i = 1, 10 do t[i] = i end
local n = 0
for k, v in pairs(t) do
  t[k] = v * 2     -- assign an existing field
  n = n + 1
end
print(n)
local sum = 0
for _, v in pairs(t) do sum = sum + v end
print(sum)
-- clearing fields during traversal
for k in pairs(t) do t[k] = nil end
print(next(t))
-- next by hand
t = { "a", "b", "c" }
local k, v = next(t)
local seen = {}
while k do
  seen[#seen + 1] = k .. "=" .. v
  k, v = next(t, k)
end
table.sort(seen)
print(table.concat(seen, " "))
print(next({}), next({}, nil))
print(pcall(next, {}, "nokey"))
print(pcall(next, { a = 1 }, "b"))
print(pcall(next))
print(pcall(next, 1))
print "OK"
