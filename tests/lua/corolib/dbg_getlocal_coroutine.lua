-- getlocal at levels of a suspended coroutine
local co = coroutine.create(function(p1, p2)
  local l1 = p1 * 2
  local function inner(q)
    local l2 = q .. "!"
    coroutine.yield()
  end
  inner("hey")
end)
coroutine.resume(co, 4, 5)
for level = 0, 2 do
  local n = 1
  while true do
    local name, v = debug.getlocal(co, level, n)
    if not name then break end
    if name:sub(1, 1) ~= "(" then print(level, n, name, type(v) == "function" and "function" or v) end
    n = n + 1
  end
end
print(pcall(debug.getlocal, co, 5, 1))
print(debug.getlocal(co, 1, 10))
print "OK"
