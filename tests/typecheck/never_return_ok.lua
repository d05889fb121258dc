-- expect: ok
local function fail(msg: string): never
  error(msg)
end
local function f(x: integer?): integer
  if x == nil then fail("nil") end
  return x
end
print(f(1))
