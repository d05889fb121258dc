-- expect: error 2: local 't': expected true, got false
local t: true = false
print(t)
