-- metamethods that use raw access to avoid recursion
local proxy_log = {}
local function tracked(initial)
  local store = initial or {}
  return setmetatable({}, {
    __index = function(_, k) proxy_log[#proxy_log + 1] = "get " .. tostring(k); return store[k] end,
    __newindex = function(_, k, v) proxy_log[#proxy_log + 1] = "set " .. tostring(k); store[k] = v end,
    __len = function() return #store end,
    __pairs = function() return next, store, nil end,
  })
end
local p = tracked({ 1, 2, 3 })
p[4] = 4
p.name = "x"
print(p[1], p.name, #p, rawget(p, 1), rawlen(p))
local keys = {}
for k in pairs(p) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
print(table.concat(proxy_log, ", "))
-- a counter of accesses with rawset caching
local hits = 0
local cache = setmetatable({}, { __index = function(t, k) hits = hits + 1; local v = k * k; rawset(t, k, v); return v end })
print(cache[4], cache[4], cache[5], hits)
print "OK"
