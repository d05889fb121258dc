-- table.insert / table.remove: positions, shifting, bounds and argument errors
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
local function check(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end

local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "c")
table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
print(show(t), #t)
print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove(t, #t + 1), show(t))
print(table.remove(t), table.remove(t), table.remove(t), show(t))
-- removing from an empty table returns t[#t] (nil) and accepts 0 and #t
print(table.remove({}), table.remove({}, 0), table.remove({}, 1))
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
-- nil values are inserted as such
local n = {1, 2, 3}
table.insert(n, 2, nil)
print(show(n, 4))
-- errors
check(function() table.insert({}, 3, "x") end)
check(function() table.insert({}, 0, "x") end)
check(function() table.insert({1, 2}, -1, "x") end)
check(function() table.insert({}, 1, 2, 3) end)
check(function() table.insert({}) end)
check(function() table.insert(nil, 1) end)
check(function() table.insert("str", 1) end)
check(function() table.insert({}, "x", 1) end)
check(function() table.insert({}, 1.5, 1) end)
check(function() table.remove({1, 2, 3}, 7) end)
check(function() table.remove({1, 2, 3}, -1) end)
check(function() table.remove({}, -1) end)
check(function() table.remove({}, 2) end)
check(function() table.remove(nil) end)
check(function() table.remove({}, "a") end)
-- a numeric string position converts
local s = {1, 2, 3}
table.insert(s, "2", "x")
print(show(s))
print(table.remove(s, "1"), show(s))
print "OK"
