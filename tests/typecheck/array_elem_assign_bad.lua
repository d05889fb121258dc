-- expect: error 3: array element: expected string?, got integer
local xs: {string} = {}
xs[1] = 5
print(xs)
