-- expect: ok
local a: integer = 1
local s: string = a .. "x"
print(s)
