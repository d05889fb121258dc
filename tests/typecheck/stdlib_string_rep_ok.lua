-- expect: ok
local s: string = string.rep("a", 3)
print(s:upper())
