-- one table, array and hash parts together
local t = { 1, 2, 3, a = "A", b = "B" }
t[4] = 4
t.c = "C"
t[5] = 5
print(#t, t[4], t[5], t.a, t.c)
-- integer keys set out of order still form a sequence
local s = {}
s[3] = 3; s[1] = 1; s[2] = 2; s[5] = 5; s[4] = 4
print(#s)
-- sequences made in a hash-heavy table
local h = {}
for i = 1, 100 do h["x" .. i] = i end
for i = 1, 10 do h[i] = i end
print(#h)
-- float keys with integer values join the sequence
local f = {}
f[1.0] = "a"; f[2.0] = "b"; f[3] = "c"
print(#f, f[2])
-- tables are references
local r1 = { v = 1 }
local r2 = r1
r2.v = 2
print(r1.v, r1 == r2)
local function mutate(x) x.v = 3 end
mutate(r1)
print(r2.v)
-- numeric string keys do not join the sequence
local q = { "a", "b" }
q["3"] = "c"
print(#q, q[3], q["3"])
-- sum over a sequence with holes filled later
local g = {}
for i = 1, 10, 2 do g[i] = i end
for i = 2, 10, 2 do g[i] = i end
local sum = 0
for i = 1, #g do sum = sum + g[i] end
print(#g, sum)
print "OK"
