-- expect: error 3: attempt to get length of a value of type string | integer: it may be a number
local function size(x: string | integer): integer
  return #x
end
print(size("ab"))
