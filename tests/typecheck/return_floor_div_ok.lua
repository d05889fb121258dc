-- expect: ok
local function half(n: integer): integer
  return n // 2
end
print(half(4))
