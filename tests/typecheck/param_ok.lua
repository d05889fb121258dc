-- expect: ok
local function f(a: integer, b: string): string
  return b .. a
end
print(f(1, "y"))
