-- expect: error 2: local 'n': expected string, got integer
local n: string = string.len("abc")
print(n)
