-- expect: ok
local function f(x: integer?): integer
  if x then
    return x + 1
  end
  return 0
end
print(f(1))
