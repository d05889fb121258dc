-- expect: error 2: type integer is not generic: it takes no type arguments
local T = Integer:of(String)
print(T)
