-- table.insert/remove as a stack and a queue
local s = {}
for i = 1, 10 do table.insert(s, i * i) end
local out = {}
while #s > 0 do out[#out + 1] = table.remove(s) end
print(table.concat(out, " "))
local q = {}
for i = 1, 10 do table.insert(q, i) end
out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, " "))
-- front insertion reverses
local r = {}
for i = 1, 10 do table.insert(r, 1, i) end
print(table.concat(r, " "))
-- middle insertions
local m = {1, 10}
for i = 2, 9 do table.insert(m, i, i) end
print(table.concat(m, " "))
-- remove from middle repeatedly
local d = {}
for i = 1, 10 do d[i] = i end
while #d > 2 do table.remove(d, 2) end
print(table.concat(d, " "))
-- interleaved with sort
local x = {}
for i = 1, 20 do table.insert(x, (i * 37) % 23) end
table.sort(x)
table.insert(x, 1, -1)
table.insert(x, 100)
print(table.concat(x, " "))
print(table.remove(x, 1), table.remove(x), #x)
print "OK"
