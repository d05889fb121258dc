-- expect: error 2: field 'bob': expected integer, got string
local ages: {[string]: integer} = {alice = 3, bob = "four"}
print(ages)
