-- expect: ok
local s: string = "abc"
local n: integer = #s
print(n)
