-- expect: error 4: local 'n': expected number, got string
type Point = {x: number, y: number}
for name, ft in Point:fields() do
  local n: number = name
  print(n, ft:kind())
end
