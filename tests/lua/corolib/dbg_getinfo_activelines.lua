-- activelines of Lua functions, sorted
local function f(x)
  local y = x + 1

  if y > 2 then
    return y
  end
  return 0
end
local function lines(fn)
  local t = {}
  for l in pairs(debug.getinfo(fn, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, " ")
end
print(lines(f))
print(lines(function() end))
print(lines(lines))
local main = debug.getinfo(1, "L")
print(type(main.activelines))
print(debug.getinfo(print, "L").activelines)
print "OK"
