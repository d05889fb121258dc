-- expect: ok
local function f(xs: {integer?}): integer
  local total = 0
  for i = 1, #xs do
    local v = xs[i]
    if v == nil then break end
    total = total + v
  end
  return total
end
print(f({1, 2}))
