-- table.move: overlapping ranges, other destinations, bounds errors
local function show(t, a, b)
  local parts = {}
  for i = a or 1, b or #t do parts[#parts + 1] = tostring(t[i]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
local function check(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end
local t = {1, 2, 3, 4, 5}
print(table.move(t, 1, 3, 3) == t, show(t))
t = {1, 2, 3, 4, 5}
print(show(table.move(t, 3, 5, 1)))
t = {1, 2, 3, 4, 5}
print(show(table.move(t, 2, 4, 2)))
local dst = {}
print(table.move({1, 2, 3}, 1, 3, 2, dst) == dst, show(dst, 1, 4))
print(show(table.move({1, 2, 3}, 3, 1, 1, {"x"})))
print(show(table.move({}, 1, 0, 1)))
print(show(table.move({[0] = "z", "a"}, 0, 1, 5), 5, 6))
print(show(table.move({1, 2, 3}, 1, 3, 1, nil)))
check(function() table.move({}, 1, 2) end)
check(function() table.move({}, 1, math.maxinteger, 2) end)
check(function() table.move({}, -1, math.maxinteger, 2) end)
check(function() table.move({}, 1, 2, math.maxinteger) end)
check(function() table.move(1, 1, 2, 3) end)
check(function() table.move({}, 1, 2, 3, 4) end)
check(function() table.move({}, 1.5, 2, 3) end)
check(function() table.move({}, 1, "x", 3) end)
-- the range is moved in the order the reference uses: watch the writes
local log = {}
local proxy = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
table.move({"a", "b", "c"}, 1, 3, 1, proxy)
print(table.concat(log, " "))
log = {}
local same = setmetatable({"a", "b", "c"}, {__newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
table.move(same, 1, 3, 2)
print(table.concat(log, " "))
-- __eq between source and destination decides the direction
log = {}
local eqmt = {__eq = function() log[#log + 1] = "eq" return true end}
local src = setmetatable({"p", "q", "r"}, eqmt)
local d2 = setmetatable({}, {__eq = eqmt.__eq, __newindex = function(t, k, v) log[#log + 1] = tostring(k) rawset(t, k, v) end})
table.move(src, 1, 3, 2, d2)
print(table.concat(log, " "))
print "OK"
