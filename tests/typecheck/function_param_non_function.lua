-- expect: error 5: argument #1 of 'apply': expected (integer) -> integer, got integer
local function apply(f: (integer) -> integer, x: integer): integer
  return f(x)
end
print(apply(3, 4))
