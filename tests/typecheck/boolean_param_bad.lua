-- expect: error 5: argument #1 of 'f': expected boolean, got integer
local function f(flag: boolean)
  print(flag)
end
f(1)
