-- __pairs overrides pairs
local t = setmetatable({}, {
  __pairs = function(self)
    local i = 0
    return function() i = i + 1; if i <= 3 then return i, i * i end end, self, nil
  end,
})
for k, v in pairs(t) do print(k, v) end
-- __pairs results are truncated to three
local t2 = setmetatable({}, { __pairs = function() return next, { a = 1 }, nil, "extra" end })
for k, v in pairs(t2) do print(k, v) end
-- next ignores __pairs
print(next(t))
-- a proxy that exposes a sorted view
local data = { c = 3, a = 1, b = 2 }
local sorted = setmetatable({}, {
  __pairs = function()
    local keys = {}
    for k in pairs(data) do keys[#keys + 1] = k end
    table.sort(keys)
    local i = 0
    return function() i = i + 1; local k = keys[i]; if k then return k, data[k] end end
  end,
})
for k, v in pairs(sorted) do io.write(k, "=", v, " ") end
print()
print "OK"
