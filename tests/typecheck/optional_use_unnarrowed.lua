-- expect: error 3: arithmetic on a value of type integer?: it may be nil
local function f(x: integer?)
  local y = x + 1
  print(y)
end
f(1)
