-- expect: ok
local function f(x: string?): string
  local s: string = x or "default"
  return s
end
print(f(nil))
