-- expect: ok
local function f(x)
  if x then return 1 end
end
print(f(true))
