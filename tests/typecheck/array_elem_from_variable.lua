-- expect: error 3: local 'ids': array element: expected integer, got string
local names: {string} = {"a", "b"}
local ids: {integer} = names
print(ids)
