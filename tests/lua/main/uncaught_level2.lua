-- error with level 2 blames the caller's line
local function check(v)
  if type(v) ~= "number" then error("number expected, got " .. type(v), 2) end
  return v
end
print(check(1))
print(check("x"))
