-- expect: error 3: attempt to perform arithmetic on a boolean value
local b: boolean = true
print(b + 1)
