-- error in a nested coroutine is seen by the one that resumed it, not above
local log = {}
local outer = coroutine.create(function()
  local inner = coroutine.create(function()
    coroutine.yield("inner yield")
    error("inner failure")
  end)
  log[#log + 1] = select(2, coroutine.resume(inner))
  local ok, e = coroutine.resume(inner)
  log[#log + 1] = tostring(ok)
  log[#log + 1] = e
  log[#log + 1] = coroutine.status(inner)
  coroutine.yield("outer yield")
  return "outer finished"
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
for i, v in ipairs(log) do print(i, v) end
-- wrap inside wrap propagates error up through both
local a = coroutine.wrap(function()
  local b = coroutine.wrap(function() error("deep") end)
  b()
end)
print(pcall(a))
print "OK"
