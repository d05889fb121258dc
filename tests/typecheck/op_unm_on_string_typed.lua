-- expect: error 3: attempt to perform arithmetic on a boolean value
local b: boolean = false
print(-b)
