-- expect: error 3: field 'tags', array element: expected integer, got string
local names: {string} = {"a"}
local r: {tags: {integer}} = {tags = names}
print(r)
