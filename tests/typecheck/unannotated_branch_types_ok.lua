-- expect: ok
local function pick(c)
  if c then return 1 end
  return "one"
end
print(pick(true))
