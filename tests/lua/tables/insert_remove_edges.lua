-- table.insert / table.remove at the boundaries
local t = { 1, 2, 3 }
table.insert(t, #t + 1, 4)
print(table.concat(t, ","))
print(pcall(table.insert, t, #t + 2, 9))
print(pcall(table.insert, t, 0, 9))
table.insert(t, 1, 0)
print(table.concat(t, ","))
print(table.remove(t, #t + 1), #t)
print(pcall(table.remove, t, #t + 2))
print(table.remove(t, 1), table.concat(t, ","))
local e = {}
print(table.remove(e), table.remove(e, 0), table.remove(e, 1), #e)
print(pcall(table.remove, e, 2))
print(pcall(table.remove, e, -1))
-- remove shifts down, insert shifts up
local s = { "a", "b", "c", "d" }
table.remove(s, 2)
print(table.concat(s), #s)
table.insert(s, 2, "B")
print(table.concat(s), #s)
-- removing from position #t + 1 when t[#t + 1] exists in the hash part
local h = { 1, 2 }
print(table.remove(h, 3), #h)
-- remove returns the removed element even if it is false
local f = { false, true }
print(table.remove(f, 1), table.concat({ tostring(f[1]) }))
print "OK"
