-- expect: ok
local s: string = string.format("%d-%s", 1, "a")
print(s)
