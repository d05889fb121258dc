-- expect: ok
local function f(): (integer, string)
  return 1, "a"
end
local a, b = f()
print(a, b)
