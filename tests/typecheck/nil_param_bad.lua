-- expect: error 5: argument #1 of 'f': expected string, got nil
local function f(s: string)
  print(s)
end
f(nil)
