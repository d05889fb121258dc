-- expect: ok
local function f(a: integer, b: integer?)
  return a + (b or 0)
end
print(f(1))
