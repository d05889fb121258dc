-- expect: ok
local function id<T>(x: T): T
  return x
end
local n: integer = id(1)
local s: string = id("a")
print(n, s)
