-- expect: ok
local xs: {string} = {}
table.insert(xs, "a")
print(table.concat(xs, ","))
