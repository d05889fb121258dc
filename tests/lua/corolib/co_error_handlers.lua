-- yields inside an xpcall message handler, error inside a handler, errors crossing resume
local co = coroutine.create(function()
  return xpcall(function() error("e1") end, function(m) return coroutine.yield("in handler") end)
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "handled"))
local co2 = coroutine.create(function()
  return xpcall(function() error("e2") end, function(m) error("handler fails") end)
end)
print(coroutine.resume(co2))
-- error from a coroutine re-raised by the resumer keeps its value
local inner = coroutine.create(function() error({ tag = "inner" }) end)
local outer = coroutine.wrap(function()
  local ok, e = coroutine.resume(inner)
  error(e)
end)
local ok, e = pcall(outer)
print(ok, e.tag)
-- pcall inside coroutine catches error after several yields
local c3 = coroutine.wrap(function()
  local ok, e = pcall(function()
    for i = 1, 3 do coroutine.yield(i) end
    error("after loop", 0)
  end)
  return "caught: " .. e
end)
print(c3(), c3(), c3(), c3())
print "OK"
