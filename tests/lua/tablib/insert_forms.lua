-- table.insert: two- and three-argument forms, positions
local function show(t, n)
  local p = {}
  for i = 1, n or #t do p[i] = tostring(t[i]) end
  return table.concat(p, " ")
end
local t = {}
table.insert(t, "a")
table.insert(t, "b")
print(show(t))
table.insert(t, 1, "c")
print(show(t))
table.insert(t, 2, "d")
print(show(t))
table.insert(t, #t + 1, "e")
print(show(t))
table.insert(t, #t, "f")
print(show(t))
table.insert(t, "2", "g")
print(show(t))
table.insert(t, 3.0, "h")
print(show(t))
-- inserting nil shifts and leaves a hole-free sequence ending
local u = {1, 2, 3}
table.insert(u, 1, nil)
print(show(u, 4))
local v = {1, 2, 3}
table.insert(v, nil)
print(#v, show(v))
-- an empty table accepts position 1
local e = {}
table.insert(e, 1, "only")
print(show(e))
-- falsy values
local f = {}
table.insert(f, false)
table.insert(f, 1, false)
print(#f, show(f))
-- return value: none
print(select("#", table.insert({}, 1)))
print(select("#", table.insert({}, 1, 1)))
print "OK"
