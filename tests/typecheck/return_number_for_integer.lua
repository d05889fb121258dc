-- expect: error 3: return value: expected integer, got number
local function half(n: integer): integer
  return n / 2
end
print(half(4))
