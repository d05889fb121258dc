-- expect: ok
local s: string = "abc"
local u: string = s:upper()
print(u, s:sub(1, 2))
