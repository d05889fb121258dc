-- debug.getinfo on a Lua function
local function f(a, b, ...)
  local x = a
  return x
end
local i = debug.getinfo(f)
print(i.source, i.short_src, i.what)
print(i.linedefined, i.lastlinedefined, i.currentline)
print(i.nups, i.nparams, i.isvararg)
print(i.func == f, i.name, i.namewhat)
print(i.istailcall)
local function g(x) return x end
local j = debug.getinfo(g, "Su")
print(j.what, j.linedefined, j.lastlinedefined, j.nparams, j.isvararg, j.nups)
print(j.func, j.currentline)
local up1, up2 = 1, 2
local function h() return up1 + up2 + i.nups end
print(debug.getinfo(h, "u").nups)
print(debug.getinfo(function(...) end, "u").isvararg)
print(debug.getinfo(function(a, b, c) end, "u").nparams)
local keys = {}
for k in pairs(debug.getinfo(f)) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
print "OK"
