-- expect: error 3: local 'n': expected integer, got string
local xs: {string} = {"a"}
local n: integer = table.concat(xs)
print(n)
