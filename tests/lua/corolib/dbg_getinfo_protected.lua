-- getinfo on a level inside pcall/xpcall/error handlers and on varargs functions
local function show(l)
  local i = debug.getinfo(l + 1, "Slnt")
  return i and (i.what .. ":" .. i.currentline .. ":" .. tostring(i.name) .. ":" .. i.namewhat .. ":" .. tostring(i.istailcall)) or "none"
end
print(pcall(show, 1))
print(pcall(show, 2))
print(xpcall(function() error("x") end, function(m) return show(1) .. " | " .. show(2) .. " | " .. show(3) end))
print(select(2, xpcall(function() local t = nil; return t.x end, function() return show(2) end)))
local function va(...) return show(0), debug.getinfo(1, "u").isvararg end
print(va())
print(debug.getinfo(va, "u").nparams, debug.getinfo(show, "u").nparams)
local mt = {__gc = true}
print(show(0))
print(pcall(function() return debug.getinfo(2, "f").func == pcall end))
print(xpcall(function() return debug.getinfo(2, "f").func == xpcall end, print))
print "OK"
