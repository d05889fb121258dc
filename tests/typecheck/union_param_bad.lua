-- expect: error 5: argument #1 of 'show': expected string | integer, got boolean
local function show(v: string | integer): string
  return tostring(v)
end
print(show(true))
