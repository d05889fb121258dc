-- expect: ok
local b: integer? = string.byte("a")
print(b)
