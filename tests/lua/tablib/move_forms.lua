-- table.move: argument forms and overlap
local function show(t, a, b)
  local p = {}
  for i = a, b do p[#p + 1] = tostring(t[i]) end
  return table.concat(p, " ")
end
local t = {1, 2, 3, 4, 5}
print(table.move(t, 1, 3, 3) == t, show(t, 1, 6))
t = {1, 2, 3, 4, 5}
table.move(t, 3, 5, 1)
print(show(t, 1, 5))
t = {1, 2, 3, 4, 5}
table.move(t, 1, 5, 2)
print(show(t, 1, 6))
t = {1, 2, 3, 4, 5}
table.move(t, 2, 5, 1)
print(show(t, 1, 5))
t = {1, 2, 3}
table.move(t, 1, 3, 1)
print(show(t, 1, 3))
-- empty ranges
t = {1, 2, 3}
print(table.move(t, 3, 1, 1) == t, show(t, 1, 3))
print(table.move(t, 1, 0, 5) == t, t[5])
-- other destination table is returned
local d = {}
print(table.move({"a", "b"}, 1, 2, 1, d) == d, show(d, 1, 2))
print(table.move({"a", "b"}, 1, 2, -1, d) == d, show(d, -1, 2))
print(show(table.move({"x", "y", "z"}, 2, 3, 10, {}), 10, 11))
-- negative and zero indices
local n = {[-2] = "m2", [-1] = "m1", [0] = "z"}
print(show(table.move(n, -2, 0, 1, {}), 1, 3))
-- float / string indices convertible
print(show(table.move({1, 2, 3}, 1.0, "3", 2.0, {}), 2, 4))
-- nils are copied as nils
local s = table.move({1, nil, 3}, 1, 3, 1, {9, 9, 9})
print(show(s, 1, 3))
print "OK"
