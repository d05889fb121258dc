-- ordinary (non-tail) recursion to moderate depth
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local function hanoi(n, from, to, via, moves)
  if n == 0 then return moves end
  moves = hanoi(n - 1, from, via, to, moves)
  moves = moves + 1
  return hanoi(n - 1, via, to, from, moves)
end
print(hanoi(10, "a", "c", "b", 0))
-- recursion through a table of functions
local ops = {}
function ops.sum(t, i) i = i or 1 if i > #t then return 0 end return t[i] + ops.sum(t, i + 1) end
print(ops.sum({ 1, 2, 3, 4, 5 }))
-- recursion through pcall
local function viapcall(n) if n == 0 then return "bottom" end return select(2, pcall(viapcall, n - 1)) end
print(viapcall(150))
print "OK"
