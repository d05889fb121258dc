-- coroutines as generators and pipelines
local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local function filter(pred, gen)
  return coroutine.wrap(function() for v in gen do if pred(v) then coroutine.yield(v) end end end)
end
local function map(fn, gen)
  return coroutine.wrap(function() for v in gen do coroutine.yield(fn(v)) end end)
end
local out = {}
for v in map(function(x) return x * x end, filter(function(x) return x % 2 == 0 end, range(10))) do
  out[#out + 1] = v
end
print(table.concat(out, " "))
-- permutations (from Programming in Lua)
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
local count, perms = 0, {}
for p in coroutine.wrap(function() permgen({ 1, 2, 3 }) end) do
  count = count + 1
  perms[#perms + 1] = table.concat(p)
end
table.sort(perms)
print(count, table.concat(perms, " "))
-- yield across pcall
local co = coroutine.create(function()
  local ok, v = pcall(function() local x = coroutine.yield("from inside pcall") return x * 2 end)
  return ok, v
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
-- many coroutines alive at once
local cos = {}
for i = 1, 1000 do cos[i] = coroutine.create(function(x) local y = coroutine.yield(x + 1) return y + x end) end
local sum = 0
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], i) sum = sum + v end
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], 1) sum = sum + v end
print(sum)
print "OK"
