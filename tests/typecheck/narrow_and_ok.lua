-- expect: ok
local function f(x: string?): integer
  local n = x and #x or 0
  return n
end
print(f(nil))
