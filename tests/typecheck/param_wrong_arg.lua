-- expect: error 5: argument #2 of 'f': expected string, got integer
local function f(a: integer, b: string)
  return a, b
end
f(1, 2)
