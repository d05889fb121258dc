-- expect: error 4: return value: expected string, got integer
-- expect: error 6: argument #1 of 'f': expected integer, got string
local function f(a: integer): string
  return a
end
f("x")
