-- expect: error 3: local 'i': expected integer, got integer?
local s: string = "abc"
local i: integer = s:find("b")
print(i)
