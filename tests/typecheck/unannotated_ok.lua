-- expect: ok
local function add(a, b)
  return a + b
end
print(add(1, 2), add("1", 2))
