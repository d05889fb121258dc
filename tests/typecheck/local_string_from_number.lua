-- expect: error 2: local 's': expected string, got integer
local s: string = 42
print(s)
