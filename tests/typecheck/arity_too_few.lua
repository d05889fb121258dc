-- expect: error 5: missing argument #2 'b' to 'f': expected integer
local function f(a: integer, b: integer)
  return a + b
end
f(1)
