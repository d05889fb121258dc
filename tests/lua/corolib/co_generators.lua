-- generators built from coroutines
local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step or 1 do coroutine.yield(i) end
  end)
end
local t = {}
for i in range(10, 3) do t[#t + 1] = i end
print(table.concat(t, " "))
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
local count = 0
for p in permutations({"a", "b", "c"}) do
  count = count + 1
  print(table.concat(p))
end
print("count", count)
-- fibonacci
local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do coroutine.yield(a); a, b = b, a + b end
end)
local fs = {}
for i = 1, 15 do fs[i] = fib() end
print(table.concat(fs, ","))
-- tree walk
local tree = { v = 4, l = { v = 2, l = { v = 1 }, r = { v = 3 } }, r = { v = 6, l = { v = 5 } } }
local function walk(n)
  if n then walk(n.l); coroutine.yield(n.v); walk(n.r) end
end
local out = {}
for v in coroutine.wrap(function() walk(tree) end) do out[#out + 1] = v end
print(table.concat(out, " "))
print "OK"
