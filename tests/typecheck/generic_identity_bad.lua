-- expect: error 5: local 'n': expected integer, got string
local function id<T>(x: T): T
  return x
end
local n: integer = id("a")
print(n)
