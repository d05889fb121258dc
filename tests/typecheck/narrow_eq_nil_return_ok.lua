-- expect: ok
local function f(x: string?): string
  if x == nil then
    return ""
  end
  return x
end
print(f(nil))
