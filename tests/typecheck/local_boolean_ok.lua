-- expect: ok
local b: boolean = false
print(b)
