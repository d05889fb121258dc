-- behaviours found by running the official 5.3 test files
-- a runaway chain of nested coroutines stops with "C stack overflow"
local depth = 0
local function f()
  depth = depth + 1
  local c = coroutine.create(f)
  local ok, msg = coroutine.resume(c)
  return msg
end
local msg = f()
print(msg, depth > 100 and depth < 250)
-- errors raised inside hooks propagate into the hooked code
print(pcall(function()
  debug.sethook(function() debug.sethook(); error("boom") end, "l")
  local z = 1
  return "no error"
end))
print(pcall(function()
  debug.sethook(function() debug.sethook(); error("in call hook") end, "c")
  local z = math.abs(1)
  return "no error"
end))
-- inside a hook, getinfo names the hook function as a hook
local seen
debug.sethook(function()
  local i = debug.getinfo(1, "n")
  seen = tostring(i.namewhat) .. "/" .. tostring(i.name)
  debug.sethook()
end, "l")
local _ = 1
print(seen)
-- a step of a stopped collector does no work
collectgarbage()
collectgarbage("stop")
local r = {}
for i = 1, 5 do local t = {} for j = 1, 100 do t[j] = {} end r[i] = collectgarbage("step", 0) end
collectgarbage("restart")
print(r[1], r[2], r[3], r[4], r[5])
-- light userdata are named as such in argument errors
local lud = debug.upvalueid(f, 1)
print(type(lud), select(2, pcall(debug.setuservalue, lud, {})))
print "OK"
