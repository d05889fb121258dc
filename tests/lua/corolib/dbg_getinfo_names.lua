-- name and namewhat of called functions
local function who() local i = debug.getinfo(2, "n"); return tostring(i.name) .. "/" .. i.namewhat end
local function called() return who() end
gfunc = function() return (who()) end
local M = { field = function() return (who()) end }
function M:meth() return (who()) end
local up = function() return (who()) end
print((called()))
print(gfunc())
print(M.field())
print(M:meth())
print((function() return (up()) end)())
local mt = { __index = function() return (who()) end, __add = function() return (who()) end,
  __call = function() return (who()) end, __concat = function() return (who()) end }
local o = setmetatable({}, mt)
print(o.x)
print(o + 1)
print(o())
print(o .. "s")
for k in function() return (who()) end do print("for", k) break end
print(pcall(function() return (who()) end))
print "OK"
