-- expect: ok
local function f(): integer
  return 1
end
print(f())
