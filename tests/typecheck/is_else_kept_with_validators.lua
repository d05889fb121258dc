-- expect: error 6: return value: expected string, got Age | string
-- A value can fail Age's check by its validator: Age stays in the else branch.
type Age = {years: integer @min(0)}
local function show(v: Age | string): string
  if Age:is(v) then return "age" end
  return v
end
print(show("x"))
