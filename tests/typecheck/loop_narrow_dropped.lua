-- expect: error 5: local 'y': expected integer, got integer?
local function f(x: integer?): integer
  if x == nil then return 0 end
  for i = 1, 3 do
    local y: integer = x
    x = nil
    print(i, y)
  end
  return 0
end
print(f(1))
