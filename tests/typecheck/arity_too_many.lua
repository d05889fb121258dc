-- expect: error 5: too many arguments to 'f': expected at most 1, got 2
local function f(a: integer)
  return a
end
f(1, 2)
