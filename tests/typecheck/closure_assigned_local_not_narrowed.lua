-- expect: error 6: return value: expected integer, got integer?
local function f(x: integer?): integer
  local function reset() x = nil end
  if x then
    reset()
    return x
  end
  return 0
end
print(f(1))
