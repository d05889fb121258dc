-- expect: ok
local function f(x: boolean): integer
  if x then
    return 1
  else
    return 2
  end
end
print(f(true))
