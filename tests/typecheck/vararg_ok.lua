-- expect: ok
local function sum(...: integer): integer
  local t = 0
  for _, v in ipairs({...}) do t = t + v end
  return t
end
print(sum(1, 2, 3))
