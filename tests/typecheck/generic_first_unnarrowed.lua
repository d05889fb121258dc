-- expect: error 5: local 'v': expected string, got string?
local function first<T>(xs: {T}): T?
  return xs[1]
end
local v: string = first({"a"})
print(v)
