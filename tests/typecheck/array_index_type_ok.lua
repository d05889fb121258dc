-- expect: ok
local xs: {string} = {"a", "b"}
local s = xs[1]
print(s)
