-- expect: error 3: argument #1 of 's:rep': expected integer, got string
local s: string = "abc"
print(s:rep("x"))
