-- expect: error 3: local 's': expected string, got string?
local function f(x: string?)
  local s: string = x
  print(s)
end
f(nil)
