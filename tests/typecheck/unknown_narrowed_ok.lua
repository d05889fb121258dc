-- expect: ok
local function f(v: unknown): string
  if type(v) == "string" then
    return v
  end
  return ""
end
print(f("a"))
