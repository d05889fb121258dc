-- expect: error 3: return value: expected string, got unknown (narrow unknown values before use)
local function f(v: unknown): string
  return v
end
print(f("a"))
