-- expect: ok
type Name = string
local function f(n: Name?): Name
  return n or "anon"
end
print(f(nil))
