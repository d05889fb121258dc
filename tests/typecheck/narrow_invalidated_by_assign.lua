-- expect: error 6: return value: expected number, got nil
local function f(x: number?): number
  if x then
    x = nil
  end
  return x
end
print(f(1))
