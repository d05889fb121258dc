-- expect: ok
local function f(x: integer?): integer
  if x == nil then return 0 end
  local y: integer = x
  return y
end
print(f(3))
