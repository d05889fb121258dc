-- expect: ok
local function f(x: string?): integer
  if x ~= nil then
    return #x
  end
  return 0
end
print(f("a"))
