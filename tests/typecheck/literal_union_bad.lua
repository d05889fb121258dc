-- expect: error 3: local 'd': expected Dir, got "left"
type Dir = "up" | "down"
local d: Dir = "left"
print(d)
