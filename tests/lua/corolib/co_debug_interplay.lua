-- getinfo/traceback from inside metamethods and hooks while in coroutines
local co = coroutine.wrap(function()
  local mt = {__index = function(t, k)
    local i = debug.getinfo(1, "nSl")
    local c = debug.getinfo(2, "nSl")
    coroutine.yield(i.name .. "/" .. i.namewhat .. " at " .. i.currentline .. ", caller line " .. c.currentline)
    return k
  end}
  local t = setmetatable({}, mt)
  local v = t.key
  return v
end)
print(co())
print(co())
-- status of a coroutine seen from a hook
local seen = {}
local c2
c2 = coroutine.create(function()
  debug.sethook(function(ev) seen[#seen + 1] = coroutine.status(c2) end, "r")
  local x = math.abs(-1)
  debug.sethook()
end)
coroutine.resume(c2)
print(#seen > 0, seen[1])
-- isyieldable inside a hook
local y
local c3 = coroutine.create(function()
  debug.sethook(function() y = coroutine.isyieldable() end, "l")
  local z = 1
  debug.sethook()
end)
coroutine.resume(c3)
print(y)
print "OK"
