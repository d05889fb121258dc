-- expect: ok
local function f(s: string?)
  print(s)
end
f(nil)
f()
