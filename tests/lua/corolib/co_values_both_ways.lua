-- values flow into resume and out of yield, in both directions
local co = coroutine.create(function(...)
  print("args", select('#', ...), ...)
  local a, b, c = coroutine.yield(1, nil, 3)
  print("resumed with", a, b, c)
  local n = select('#', coroutine.yield())
  print("count", n)
  return "r1", nil, "r3"
end)
print(coroutine.resume(co, "x", nil, "z"))
print(coroutine.resume(co, 10, nil))
print(select('#', coroutine.resume(co)))
print(coroutine.resume(co, 1, 2, 3, 4, 5))
print(coroutine.status(co))
-- many values
local big = coroutine.wrap(function(...)
  local t = {...}
  while true do
    t = { coroutine.yield(table.unpack(t)) }
  end
end)
print(select('#', big(1, 2, 3)))
print(big(table.unpack({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})))
print(select('#', big()))
print "OK"
