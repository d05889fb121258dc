-- expect: ok
type Dir = "up" | "down"
local d: Dir = "up"
print(d)
