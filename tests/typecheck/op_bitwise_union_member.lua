-- expect: error 3: attempt to perform bitwise operation on a value of type integer | boolean: it may be a boolean
local function mask(x: integer | boolean): integer
  return x & 0xff
end
print(mask(3))
