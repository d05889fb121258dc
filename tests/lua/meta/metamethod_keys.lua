-- keys reach __index/__newindex as written; raw storage normalises floats
local seen = {}
local t = setmetatable({}, {
  __index = function(_, k) seen[#seen + 1] = math.type(k) or type(k); return nil end,
  __newindex = function(tbl, k, v) seen[#seen + 1] = "new:" .. (math.type(k) or type(k)); rawset(tbl, k, v) end,
})
local _ = t[1], t[1.0], t[2^53], t["1"], t[true]
print(table.concat(seen, " "))
seen = {}
t[3.0] = "three"
print(table.concat(seen, " "), math.type(next(t)), t[3])
-- stored keys are integers, so later reads of 3.0 find them without __index
seen = {}
print(t[3.0], #seen)
print "OK"
