-- expect: error 5: argument #1 of 'f': expected integer, got string
local function f(a: integer, b: string)
  return a, b
end
f("x", "y")
