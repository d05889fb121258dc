-- expect: error 6: attempt to get length of a nil value
local function f(x: string?): integer
  if x then
    return 0
  else
    return #x
  end
end
print(f(nil))
