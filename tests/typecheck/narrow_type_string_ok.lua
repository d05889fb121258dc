-- expect: ok
local function f(x: string | number): string
  if type(x) == "string" then
    return x
  end
  return tostring(x)
end
print(f(1))
