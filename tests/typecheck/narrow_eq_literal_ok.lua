-- expect: ok
local function f(x: string?): string
  if x == "a" then
    return x
  end
  return "b"
end
print(f("a"))
