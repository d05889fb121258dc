-- expect: error 3: return value: expected string, got string?
local function f(x: string?): string
  return x
end
print(f("a"))
