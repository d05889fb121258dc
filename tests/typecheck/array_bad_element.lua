-- expect: error 2: element #2: expected integer, got string
local xs: {integer} = {1, "two", 3}
print(xs)
