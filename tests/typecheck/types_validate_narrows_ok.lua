-- expect: ok
-- types.validate(T, v) raises unless v is a T: after it, v is one.
local function name_of(v: unknown): string
  types.validate(String, v)
  return v
end
print(name_of("x"))
