-- expect: error 3: attempt to perform arithmetic on a boolean value
local b = true
print(b + 1)
