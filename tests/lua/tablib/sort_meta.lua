-- table.sort: __lt, __index/__newindex proxies, __len
local V = {}
V.__index = V
V.__lt = function(a, b) return a.v < b.v end
local function new(v) return setmetatable({v = v}, V) end
local t = {}
for i, v in ipairs({5, 3, 9, 1, 7, 2, 8}) do t[i] = new(v) end
table.sort(t)
local p = {}
for i = 1, #t do p[i] = t[i].v end
print(table.concat(p, " "))
table.sort(t, function(a, b) return b < a end)
p = {}
for i = 1, #t do p[i] = t[i].v end
print(table.concat(p, " "))
-- __lt that mixes with numbers
local W = {__lt = function(a, b)
  local x = type(a) == "table" and a.v or a
  local y = type(b) == "table" and b.v or b
  return x < y
end}
local m = {setmetatable({v = 2}, W), 5, setmetatable({v = 4}, W), 1}
table.sort(m)
p = {}
for i = 1, #m do p[i] = type(m[i]) == "table" and ("t" .. m[i].v) or tostring(m[i]) end
print(table.concat(p, " "))
-- sorting a proxy: all reads/writes go through metamethods
local store = {4, 2, 3, 1}
local reads, writes = 0, 0
local proxy = setmetatable({}, {
  __index = function(_, k) reads = reads + 1 return store[k] end,
  __newindex = function(_, k, v) writes = writes + 1 store[k] = v end,
  __len = function() return #store end,
})
table.sort(proxy)
print(table.concat(store, " "), reads > 0, writes > 0, rawlen(proxy))
-- __len limits the sorted range
local part = setmetatable({5, 4, 3, 2, 1}, {__len = function() return 3 end})
table.sort(part)
print(rawget(part, 1), rawget(part, 2), rawget(part, 3), rawget(part, 4), rawget(part, 5))
-- strings compare with __lt of the string metatable? no: plain string order
local s = {"b", "a", "c"}
table.sort(s)
print(table.concat(s))
print "OK"
