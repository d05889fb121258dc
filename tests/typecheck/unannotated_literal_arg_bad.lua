-- expect: error 6: argument #1 of 'f': expected integer, got string
local function f(n: integer)
  return n
end
local function g()
  return f("x")
end
print(g())
