-- expect: error 8: local 'p': missing field 'x'
type Point = {x: number, y: number}
type Named = {name: string}
local function label(v: Point | Named): string
  if Point:is(v) then
    return "point"
  end
  local p: Point = v
  return v.name
end
print(label({name = "a"}))
