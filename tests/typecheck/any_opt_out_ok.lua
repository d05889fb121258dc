-- expect: ok
local function f(v: any): integer
  return v.x.y + v()
end
print(f({}))
