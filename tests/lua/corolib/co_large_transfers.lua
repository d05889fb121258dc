-- many values through resume/yield/wrap, long errors, deep stacks and stack overflow in coroutines
local t = {}
for i = 1, 5000 do t[i] = i end
local co = coroutine.create(function(...)
  local n = select('#', ...)
  local r = table.pack(coroutine.yield(n, select(n, ...)))
  return r.n, r[r.n]
end)
print(coroutine.resume(co, table.unpack(t)))
print(coroutine.resume(co, table.unpack(t, 1, 4000)))
local w = coroutine.wrap(function() return table.unpack(t) end)
print(select('#', w()))
local y = coroutine.wrap(function() coroutine.yield(table.unpack(t)) end)
print(select('#', y()))
-- error with a long message
local e = coroutine.wrap(function() error(string.rep("x", 1000), 0) end)
print(#select(2, pcall(e)))
-- deep recursion inside a coroutine then yield
local function rec(n) if n == 0 then return coroutine.yield("deep") end return rec(n - 1) end
local d = coroutine.wrap(function() return (rec(150)) end)
print(d())
print(d("unwound"))
-- stack overflow inside a coroutine is caught by resume
local so = coroutine.create(function() local function f() return 1 + f() end return f() end)
local ok, msg = coroutine.resume(so)
print(ok, msg:match("stack overflow") ~= nil)
print "OK"
