-- yielding __concat in the middle of a concatenation chain
local mt = { __concat = function(a, b)
  local l = type(a) == "table" and a.n or a
  local r = type(b) == "table" and b.n or b
  return coroutine.yield(l .. "+" .. r)
end }
local x = setmetatable({ n = "X" }, mt)
local co = coroutine.wrap(function()
  local s = "a" .. "b" .. x .. "c" .. "d"
  return "result: " .. tostring(s)
end)
print(co())
print(co("R1"))
print "OK"
