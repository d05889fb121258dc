-- expect: ok
local function first<T>(xs: {T}): T?
  return xs[1]
end
local v = first({"a"})
if v then print(#v) end
