-- expect: ok
local d: "up" = "up"
local s: string = d
print(s)
