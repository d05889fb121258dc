-- expect: ok
local n: integer = select("#", 1, 2, 3)
print(n)
