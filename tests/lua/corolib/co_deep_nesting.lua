-- coroutines nested many levels deep
local function nest(n)
  if n == 0 then
    return coroutine.yield("bottom")
  end
  local co = coroutine.create(nest)
  local ok, v = coroutine.resume(co, n - 1)
  assert(ok, v)
  local r = coroutine.yield(v .. "<" .. n)
  return r
end
local top = coroutine.create(nest)
local ok, v = coroutine.resume(top, 50)
print(ok, #v, v:sub(1, 30))
print(coroutine.resume(top, "back"))
print(coroutine.status(top))
-- a chain of wraps each calling the next
local function chain(n)
  if n == 0 then return 0 end
  return coroutine.wrap(function() return 1 + chain(n - 1) end)()
end
print(chain(100))
-- many live suspended coroutines
local cos = {}
for i = 1, 500 do
  cos[i] = coroutine.create(function(x) local y = coroutine.yield(x * 2); return x + y end)
  coroutine.resume(cos[i], i)
end
local sum = 0
for i = 1, 500 do
  local _, r = coroutine.resume(cos[i], 1)
  sum = sum + r
end
print(sum)
print "OK"
