-- expect: ok
local n: integer = math.floor(2.5)
print(n)
