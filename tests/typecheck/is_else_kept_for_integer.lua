-- expect: error 5: local 's': expected string, got integer | string
-- A float with an integral value is integer statically but fails types.integer.
local function name(v: integer | string): string
  if types.integer:is(v) then return "int" end
  local s: string = v
  return s
end
print(name("a"))
