-- activelines of functions with statements spread over several lines
local function lines(fn)
  local t = {}
  for l in pairs(debug.getinfo(fn, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, " ")
end
local function a(x,
                 y)
  local t = {
    x,
    y,
  }
  local s = x
    + y
    * 2
  if x then
    return f(
      t,
      s)
  elseif y then
    while false do end
  end
  for i = 1, 2 do
  end
  repeat
  until true
  local function inner()
  end
  return
end
print(lines(a))
print(lines(function(...) return ... end))
print "OK"
