-- expect: ok
local function f(x: string?): string
  if not x then
    error("missing")
  end
  return x
end
print(f("a"))
