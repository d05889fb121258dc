-- __index alone (no __len) uses the raw length; __len alone uses raw reads
local only_index = setmetatable({1, 2, 3}, {__index = function(_, k) return "I" .. k end})
print(table.concat(only_index, ","), table.unpack(only_index))
table.insert(only_index, "x")
print(rawget(only_index, 4), #only_index)
print(table.remove(only_index, 1), table.concat(only_index, ","))
local only_len = setmetatable({"a", "b"}, {__len = function() return 4 end})
print(pcall(table.concat, only_len, ","))
print(table.unpack(only_len))
print(table.remove(only_len), rawget(only_len, 4))
-- __newindex is only called for absent keys
local writes = {}
local nw = setmetatable({1, 2, 3}, {__newindex = function(t, k, v) writes[#writes + 1] = k rawset(t, k, v) end})
table.insert(nw, 1, 0)
print(table.concat(nw, ","), table.concat(writes, ","))
writes = {}
table.remove(nw, 1)
print(table.concat(nw, ","), table.concat(writes, ","))
writes = {}
table.move(nw, 1, 3, 3)
print(table.concat(nw, ","), table.concat(writes, ","))
print "OK"
