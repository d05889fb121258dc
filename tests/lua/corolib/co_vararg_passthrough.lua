-- varargs and nils through coroutine boundaries
local co = coroutine.create(function(...)
  local n = select('#', ...)
  local r = table.pack(coroutine.yield(n, ...))
  return r.n, table.unpack(r, 1, r.n)
end)
print(coroutine.resume(co, nil, nil, nil))
print(coroutine.resume(co, nil, 2, nil, nil))
local w = coroutine.wrap(function(...) return select('#', ...), ... end)
print(w())
print(w == nil)
local w2 = coroutine.wrap(function(...) coroutine.yield(...) end)
print(select('#', w2(nil, nil)))
print "OK"
