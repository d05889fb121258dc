-- expect: error 3: local 'd': expected "up" | "down", got "left"
type Dir = "up" | "down"
local d: Dir = "left"
print(d)
