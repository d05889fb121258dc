-- expect: error 3: return value: expected integer, got string
local function f(): integer
  return "x"
end
print(f())
