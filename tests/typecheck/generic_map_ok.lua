-- expect: ok
local function map<A, B>(xs: {A}, f: (A) -> B): {B}
  local out = {}
  for i, x in ipairs(xs) do out[i] = f(x) end
  return out
end
local ys: {string} = map({1, 2}, function(x) return tostring(x) end)
print(ys)
