-- expect: ok
local function show(v: string | integer): string
  return tostring(v)
end
print(show(1), show("a"))
