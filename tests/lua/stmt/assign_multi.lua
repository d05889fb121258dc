-- multiple assignment: evaluate everything, then assign
local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local x, y, z = 1, 2, 3, 4, 5
print(x, y, z)
-- the manual's example: a[i] uses i from before the assignment
local i = 3
local t = {}
i, t[i] = i + 1, 20
print(i, t[3], t[4])
-- swap through table fields
local p = { 1, 2, 3 }
p[1], p[2], p[3] = p[3], p[1], p[2]
print(p[1], p[2], p[3])
-- function results fill the remaining targets only when last
local function three() return 10, 20, 30 end
local m, n, o = three()
print(m, n, o)
m, n, o = three(), 1
print(m, n, o)
m, n, o = 0, three()
print(m, n, o)
m, n, o = (three())
print(m, n, o)
-- globals and locals mixed
g1, a, g2 = "G1", "A", "G2"
print(g1, a, g2)
-- nested fields
local q = { r = { s = {} } }
q.r.s.v, q.r.w = "v", "w"
print(q.r.s.v, q.r.w)
-- a local is not visible in its own initialiser
local k = 5
do
  local k = k + 1
  print(k)
end
print(k)
local u, v = 1
print(u, v)
print "OK"
