-- expect: ok
type Point = {x: number, y: number}
local function read(data: unknown): Point?
  local p, err = Point:is(data)
  if err then
    print(err)
    return nil
  end
  local q: Point = data
  print(p)
  return q
end
print(read({x = 1, y = 2}))
