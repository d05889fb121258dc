-- expect: ok
local xs: {integer} = {1, 2, 3}
local total = 0
for _, x in ipairs(xs) do total = total + x end
print(total)
