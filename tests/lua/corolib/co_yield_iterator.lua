-- yield from inside a generic-for iterator and from for bodies
local function iter(s, i)
  i = i + 1
  if i > 3 then return nil end
  local v = coroutine.yield("iter " .. i)
  return i, v
end
local co = coroutine.wrap(function()
  for i, v in iter, nil, 0 do
    print("body", i, v)
  end
  return "loop done"
end)
print(co())
print(co("A"))
print(co("B"))
print(co("C"))
-- yield inside numeric for
local w = coroutine.wrap(function()
  local s = 0
  for i = 1, 5 do s = s + coroutine.yield(i) end
  return "sum " .. s
end)
local r = w()
while type(r) == "number" do r = w(r * 10) end
print(r)
print "OK"
