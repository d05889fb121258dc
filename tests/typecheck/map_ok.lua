-- expect: ok
local ages: {[string]: integer} = {alice = 3, bob = 4}
for k, v in pairs(ages) do print(k, v + 1) end
