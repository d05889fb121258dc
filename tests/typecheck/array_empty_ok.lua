-- expect: ok
local xs: {integer} = {}
local m: {[string]: integer} = {}
print(xs, m)
