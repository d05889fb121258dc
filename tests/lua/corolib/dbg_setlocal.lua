-- debug.setlocal changes locals of a running frame
local function f()
  local a, b = 1, 2
  local function change()
    print(debug.setlocal(2, 1, "changed"))
    print(debug.setlocal(2, 2, 99))
    print(debug.setlocal(2, 50, 0))
  end
  change()
  return a, b
end
print(f())
local function g(...)
  print(debug.setlocal(1, -1, "new vararg"))
  print(...)
  print(debug.setlocal(1, -5, 1))
end
g("old", "other")
print(pcall(debug.setlocal, 40, 1, 1))
-- setlocal on another thread
local co = coroutine.create(function()
  local v = "orig"
  coroutine.yield()
  print("v is", v)
end)
coroutine.resume(co)
print(debug.getlocal(co, 1, 1))
print(debug.setlocal(co, 1, 1, "set from main"))
coroutine.resume(co)
print "OK"
