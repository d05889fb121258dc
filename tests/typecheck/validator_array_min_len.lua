-- expect: error 2: local 'names': array of length 0 is shorter than @min_len(1)
local names: {string} @min_len(1) = {}
local more: {string} @min_len(1) = {"a"}
print(names, more)
