-- expect: ok
type X = {y: Y?}
type Y = {z: Z?}
type Z = {x: X?, tag: "z"}
local x: X = {y = {z = {tag = "z", x = {y = {}}}}}
local function tag(v: X): string?
  local y = v.y
  if y and y.z then return y.z.tag end
  return nil
end
print(tag(x))
