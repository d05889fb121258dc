-- expect: ok
type Point = {x: number, y: number}
local function f(msg: {body: unknown}): number
  if Point:is(msg.body) then
    local p: Point = msg.body
    return p.x
  end
  return 0
end
print(f({body = {x = 1, y = 2}}))
