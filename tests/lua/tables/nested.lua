-- nested tables: matrices, trees, graphs with cycles
local function matrix(n)
  local m = {}
  for i = 1, n do
    m[i] = {}
    for j = 1, n do m[i][j] = (i - 1) * n + j end
  end
  return m
end
local function transpose(m)
  local r = {}
  for i = 1, #m do
    r[i] = {}
    for j = 1, #m do r[i][j] = m[j][i] end
  end
  return r
end
local m = transpose(matrix(3))
for i = 1, 3 do print(table.concat(m[i], " ")) end
-- a binary tree
local function insert(tree, v)
  if not tree then return { v = v } end
  if v < tree.v then tree.l = insert(tree.l, v) else tree.r = insert(tree.r, v) end
  return tree
end
local function walk(tree, out)
  if tree then walk(tree.l, out); out[#out + 1] = tree.v; walk(tree.r, out) end
  return out
end
local root
for _, v in ipairs({ 50, 30, 70, 20, 40, 60, 80, 35 }) do root = insert(root, v) end
print(table.concat(walk(root, {}), " "))
-- a cycle
local a, b = {}, {}
a.next, b.next = b, a
print(a.next.next == a, b.next.next.next == a)
local self_ref = {}
self_ref.me = self_ref
print(self_ref.me.me.me == self_ref)
print "OK"
