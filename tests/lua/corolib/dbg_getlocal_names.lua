-- debug.getlocal: parameters, locals, temporaries, varargs
local function f(a, b, ...)
  local x = a + b
  do
    local inner = 1
    for i = 1, 1 do
      local n = 1
      while true do
        local name, val = debug.getlocal(1, n)
        if not name then break end
        if name:sub(1, 1) ~= "(" then print(n, name, type(val) == "number" and val or type(val)) end
        n = n + 1
      end
    end
  end
  print(debug.getlocal(1, -1))
  print(debug.getlocal(1, -2))
  print(debug.getlocal(1, -3))
  print(debug.getlocal(1, 100))
  return x
end
f(10, 20, "va1", "va2")
-- getlocal of a function value gives parameter names only
local function p(alpha, beta, ...) local gamma end
print(debug.getlocal(p, 1), debug.getlocal(p, 2), debug.getlocal(p, 3))
print(debug.getlocal(print, 1))
print(pcall(debug.getlocal, 50, 1))
print "OK"
