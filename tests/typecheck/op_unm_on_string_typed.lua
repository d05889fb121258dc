-- expect: error 3: attempt to perform arithmetic on a boolean value (boolean)
local b: boolean = false
print(-b)
