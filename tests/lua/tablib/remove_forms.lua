-- table.remove: every position form and return values
local function show(t, n)
  local p = {}
  for i = 1, n or #t do p[i] = tostring(t[i]) end
  return "[" .. table.concat(p, " ") .. "]"
end
local t = {"a", "b", "c", "d", "e"}
print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove(t, #t), show(t))
print(table.remove(t, #t + 1), show(t))
print(table.remove(t), show(t))
print(table.remove(t), show(t))
print(table.remove(t), show(t))
print(select("#", table.remove({})))
print(select("#", table.remove({}, 0)))
print(select("#", table.remove({}, 1)))
-- size 0, pos 0 and pos #t+1 are allowed
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
local z2 = {}
print(table.remove(z2, #z2 + 1))
local w = {1, 2, 3}
print(table.remove(w, 4), show(w))
print(table.remove(w, "1"), show(w))
print(table.remove(w, 2.0), show(w))
-- remove nil/false values
local f = {false, false}
print(table.remove(f), table.remove(f), #f)
-- remove from a table with a hole past the border
local h = {1, 2, 3}
h[5] = 5
print(#h == 3 or #h == 5)
print "OK"
