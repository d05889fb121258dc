-- expect: error 2: local 'one': expected 1, got 2
local one: 1 = 2
print(one)
