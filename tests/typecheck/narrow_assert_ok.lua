-- expect: ok
local function f(x: number?): number
  assert(x, "need x")
  return x * 2
end
print(f(1))
