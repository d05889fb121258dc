-- expect: ok
local function num(v: string | number): number
  if Number:is(v) then return v end
  return #v
end
local function text(v: unknown): string
  if not String:is(v) then return "" end
  return v
end
print(num(1), text("a"))
