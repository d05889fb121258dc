-- expect: error 6: return value: expected number, got string
local function f(x: string | number): number
  if type(x) == "number" then
    return x
  end
  return x
end
print(f(1))
