-- error objects that are tables keep their identity across resume/wrap
local E = { code = 7 }
local co = coroutine.create(function() error(E) end)
local ok, e = coroutine.resume(co)
print(ok, e == E, e.code)
local w = coroutine.wrap(function() coroutine.yield(); error(E) end)
w()
local ok2, e2 = pcall(w)
print(ok2, e2 == E)
-- with __tostring
local T = setmetatable({}, { __tostring = function() return "custom error" end })
local ok3, e3 = coroutine.resume(coroutine.create(function() error(T) end))
print(ok3, tostring(e3), e3 == T)
-- error with nil
print(coroutine.resume(coroutine.create(function() error(nil) end)))
-- error with false
print(coroutine.resume(coroutine.create(function() error(false) end)))
-- nested: inner error caught by outer pcall
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() error({ level = "inner" }) end)
  local ok, e = pcall(inner)
  return ok, e.level
end)
print(outer())
print "OK"
