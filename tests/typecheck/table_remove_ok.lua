-- expect: ok
local xs: {integer} = {1, 2}
local last = table.remove(xs)
print(last)
