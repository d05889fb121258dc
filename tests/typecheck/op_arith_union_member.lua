-- expect: error 3: attempt to perform arithmetic on a value of type number | string: it may be a string
local function inc(x: number | string): number
  return x + 1
end
print(inc(1))
