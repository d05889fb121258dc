-- expect: error 7: argument #2 of 'sum': expected integer, got string
local function sum(...: integer): integer
  local t = 0
  for _, v in ipairs({...}) do t = t + v end
  return t
end
print(sum(1, "2"))
